package basic_test

import (
	"bytes"
	"fmt"

	"github.com/twistgo/twistgo/protocol/basic"
	"github.com/twistgo/twistgo/transport/transporttest"
)

// shout answers each line in upper case. It embeds LineReceiver and is its
// own Handler.
type shout struct{ basic.LineReceiver }

func newShout() *shout {
	s := &shout{}
	s.Handler = s
	return s
}

func (s *shout) LineReceived(line []byte) { s.SendLine(bytes.ToUpper(line)) }

func ExampleLineReceiver() {
	p := newShout()
	tr := transporttest.Connect(p, transporttest.NewStringTransport())

	// Lines arrive in arbitrary pieces; each is delivered whole.
	p.DataReceived([]byte("hello\r\nwor"))
	p.DataReceived([]byte("ld\r\n"))

	fmt.Printf("%q\n", tr.Value())
	// Output: "HELLO\r\nWORLD\r\n"
}

// upload reads a "SIZE n" line, then n bytes of raw data, then lines again.
type upload struct {
	basic.LineReceiver
	remaining int
	body      []byte
}

func (u *upload) LineReceived(line []byte) {
	if _, err := fmt.Sscanf(string(line), "SIZE %d", &u.remaining); err == nil {
		u.SetRawMode()
		return
	}
	fmt.Printf("line %q\n", line)
}

func (u *upload) RawDataReceived(data []byte) {
	n := min(u.remaining, len(data))
	u.body = append(u.body, data[:n]...)
	u.remaining -= n
	if u.remaining == 0 {
		fmt.Printf("body %q\n", u.body)
		u.SetLineMode(data[n:]) // the rest belongs to the line protocol
	}
}

func ExampleLineReceiver_SetRawMode() {
	p := &upload{}
	p.Handler = p
	transporttest.Connect(p, transporttest.NewStringTransport())

	p.DataReceived([]byte("SIZE 5\r\nhelloQUIT\r\n"))
	// Output:
	// body "hello"
	// line "QUIT"
}

// store keeps each netstring it receives and answers "OK".
type store struct {
	basic.NetstringReceiver
	values []string
}

func (s *store) StringReceived(v []byte) {
	s.values = append(s.values, string(v))
	s.SendString([]byte("OK"))
}

func ExampleNetstringReceiver() {
	p := &store{}
	p.Handler = p
	tr := transporttest.Connect(p, transporttest.NewStringTransport())

	p.DataReceived([]byte("5:hello,0:,3:a"))
	p.DataReceived([]byte("b,,"))
	fmt.Printf("%q %q\n", p.values, tr.Value())

	p.DataReceived([]byte("01:x,")) // a leading zero is malformed
	fmt.Println(p.Err(), tr.Disconnecting())
	// Output:
	// ["hello" "" "ab,"] "2:OK,2:OK,2:OK,"
	// twistgo: malformed netstring: length with a leading zero true
}
