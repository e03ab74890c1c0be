// Collecting a process's output line by line, and finding listen addresses
// in it.

package e2e

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
)

// Stream says which output stream a line came from.
type Stream int

// The output streams of a process.
const (
	Stdout Stream = 1
	Stderr Stream = 2
)

// Line is one line of a process's output, without its newline.
type Line struct {
	Stream Stream
	Text   string
}

// listenRE matches the line every Twistgo server logs per endpoint; the
// address is an IPv4 address or name, or a bracketed IPv6 address, and a
// port.
var listenRE = regexp.MustCompile(`listening on ((?:\[[0-9A-Za-z.:%]+\]|[0-9A-Za-z.\-]+):[0-9]+)`)

// ListenAddr returns the HOST:PORT of a "listening on HOST:PORT" line.
func ListenAddr(line string) (addr string, ok bool) {
	m := listenRE.FindStringSubmatch(line)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// output is the collected output of one process. Writers append; readers
// take a snapshot and a channel closed at the next change.
type output struct {
	mu      sync.Mutex
	done    []Line
	partial [3]strings.Builder // unterminated tail per stream
	changed chan struct{}
}

func newOutput() *output { return &output{changed: make(chan struct{})} }

// writer returns the io.Writer for stream s.
func (o *output) writer(s Stream) *streamWriter { return &streamWriter{o: o, s: s} }

// streamWriter splits what one stream writes into lines.
type streamWriter struct {
	o *output
	s Stream
}

// Write records complete lines at once and keeps a partial one for later.
func (w *streamWriter) Write(b []byte) (int, error) {
	n, o := len(b), w.o
	o.mu.Lock()
	defer o.mu.Unlock()
	tail := &o.partial[w.s]
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			tail.Write(b)
			break
		}
		tail.Write(b[:i])
		o.done = append(o.done, Line{Stream: w.s, Text: tail.String()})
		tail.Reset()
		b = b[i+1:]
	}
	o.notifyLocked()
	return n, nil
}

// note records a line of this package's own, such as a wait error.
func (o *output) note(text string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.done = append(o.done, Line{Stream: Stderr, Text: text})
	o.notifyLocked()
}

func (o *output) notifyLocked() {
	close(o.changed)
	o.changed = make(chan struct{})
}

// snapshot returns the lines so far, an unterminated last line of each
// stream included, and a channel closed when more output arrives.
func (o *output) snapshot() ([]Line, <-chan struct{}) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.linesLocked(), o.changed
}

func (o *output) lines() []Line {
	lines, _ := o.snapshot()
	return lines
}

func (o *output) linesLocked() []Line {
	lines := append([]Line(nil), o.done...)
	for s := Stdout; s <= Stderr; s++ {
		if o.partial[s].Len() > 0 {
			lines = append(lines, Line{Stream: s, Text: o.partial[s].String()})
		}
	}
	return lines
}

// text returns the output of stream s, lines joined by newlines.
func (o *output) text(s Stream) string {
	var b strings.Builder
	for _, l := range o.lines() {
		if l.Stream == s {
			b.WriteString(l.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// all returns both streams interleaved as they arrived, for failure
// messages.
func (o *output) all() string {
	var b strings.Builder
	for _, l := range o.lines() {
		b.WriteString([...]string{"", "stdout| ", "stderr| "}[l.Stream])
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	return b.String()
}
