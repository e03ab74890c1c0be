package basic

// LineBuffered returns how many input bytes r holds, and the capacity of
// the array holding them.
func LineBuffered(r *LineReceiver) (n, capacity int) { return len(r.split.buf), cap(r.split.store) }

// IntBuffered returns how many input bytes r holds.
func IntBuffered(r *Int32StringReceiver) int { return len(r.f.buf) + len(r.f.pending) }
