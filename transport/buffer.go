//go:build unix

// The output buffer: a queue of fixed-size chunks recycled through a
// process-wide pool, so a connection holds output memory only while it has
// unsent bytes, and steady-state writes allocate nothing.

package transport

import "sync"

// chunkSize is the size of one output chunk. Small writes coalesce into one
// chunk and leave in one write(2); larger output spans chunks and leaves in
// one writev(2) of up to maxIovecs chunks.
const chunkSize = 16 << 10

// maxIovecs bounds the chunks handed to one writev(2): 8 chunks, 128 KiB,
// the most x/sys/unix passes without a heap allocation and Twisted's
// per-send limit.
const maxIovecs = 8

// chunk is one piece of queued output; b[r:w] is unsent.
type chunk struct {
	r, w int
	b    [chunkSize]byte
}

// chunkPool recycles chunks between all connections of the process. It
// holds pointers, so Get and Put do not allocate.
var chunkPool = sync.Pool{New: func() any { return new(chunk) }}

// outBuffer is a FIFO of bytes waiting to be sent. chunks[head:] are live;
// n counts their unsent bytes.
type outBuffer struct {
	chunks []*chunk
	head   int
	n      int
}

// append copies p to the end of the buffer.
func (o *outBuffer) append(p []byte) {
	for len(p) > 0 {
		c := o.tail()
		k := copy(c.b[c.w:], p)
		c.w += k
		o.n += k
		p = p[k:]
	}
}

// tail returns the last chunk if it has room, or a fresh one appended to
// the queue.
func (o *outBuffer) tail() *chunk {
	if l := len(o.chunks); l > o.head {
		if c := o.chunks[l-1]; c.w < chunkSize {
			return c
		}
	}
	c := chunkPool.Get().(*chunk)
	c.r, c.w = 0, 0
	o.chunks = append(o.chunks, c)
	return c
}

// peek appends the unsent bytes of up to cap(iov) chunks to iov and
// returns it with their total length. The slices alias the chunks and are
// valid until the next consume or reset.
func (o *outBuffer) peek(iov [][]byte) ([][]byte, int) {
	total := 0
	for _, c := range o.chunks[o.head:] {
		if len(iov) == cap(iov) {
			break
		}
		iov = append(iov, c.b[c.r:c.w])
		total += c.w - c.r
	}
	return iov, total
}

// consume drops the first n bytes, which were sent, returning emptied
// chunks to the pool.
func (o *outBuffer) consume(n int) {
	o.n -= n
	for n > 0 {
		c := o.chunks[o.head]
		k := min(n, c.w-c.r)
		c.r += k
		n -= k
		if c.r == c.w {
			o.pop()
		}
	}
	o.compact()
}

// pop returns the first live chunk to the pool.
func (o *outBuffer) pop() {
	chunkPool.Put(o.chunks[o.head])
	o.chunks[o.head] = nil
	o.head++
}

// compact keeps the queue's slice from growing without bound: it is reset
// when empty (and dropped if a burst made it large) and slid down once
// mostly consumed.
func (o *outBuffer) compact() {
	switch {
	case o.head == len(o.chunks) && cap(o.chunks) > 64:
		o.chunks, o.head = nil, 0
	case o.head == len(o.chunks):
		o.chunks, o.head = o.chunks[:0], 0
	case o.head >= 32 && 2*o.head >= len(o.chunks):
		live := copy(o.chunks, o.chunks[o.head:])
		clear(o.chunks[live:])
		o.chunks, o.head = o.chunks[:live], 0
	}
}

// reset drops everything unsent.
func (o *outBuffer) reset() {
	for o.head < len(o.chunks) {
		o.pop()
	}
	o.n = 0
	o.compact()
}
