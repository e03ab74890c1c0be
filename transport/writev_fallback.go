//go:build unix && !(darwin || linux || openbsd)

// Sending several output chunks where x/sys/unix has no writev(2): one
// write(2) per chunk, stopping where the kernel stops taking bytes.

package transport

// writeBuffers sends bufs with one write(2) per buffer. It returns the
// bytes sent; a short count means the kernel's buffer is full. An error is
// returned only if nothing was sent.
func writeBuffers(fd int, bufs [][]byte) (int, error) {
	sent := 0
	for _, b := range bufs {
		n, err := sockWrite(fd, b)
		if err != nil {
			if sent > 0 {
				return sent, nil
			}
			return 0, err
		}
		sent += n
		if n < len(b) {
			break
		}
	}
	return sent, nil
}
