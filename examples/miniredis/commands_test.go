package main

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// resp encodes a command as a RESP array of bulk strings.
func resp(args ...string) string {
	var b strings.Builder
	b.WriteString("*" + itoa(len(args)) + "\r\n")
	for _, a := range args {
		b.WriteString("$" + itoa(len(a)) + "\r\n" + a + "\r\n")
	}
	return b.String()
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestCommands(t *testing.T) {
	tests := []struct {
		name string
		in   []string // commands, each a RESP array of these words unless it starts with '*' or ends with '\n'
		want string
	}{
		{"ping", []string{"PING", "ping hello"}, "+PONG\r\n$5\r\nhello\r\n"},
		{"ping arity", []string{"PING a b"}, "-ERR wrong number of arguments for 'ping' command\r\n"},
		{"echo", []string{"ECHO hi"}, "$2\r\nhi\r\n"},
		{"get missing", []string{"GET k"}, "$-1\r\n"},
		{"set get", []string{"SET k v", "get k"}, "+OK\r\n$1\r\nv\r\n"},
		{"overwrite", []string{"SET k long-value", "SET k v", "GET k"}, "+OK\r\n+OK\r\n$1\r\nv\r\n"},
		{"set nx", []string{"SET k a NX", "SET k b nx", "GET k"}, "+OK\r\n$-1\r\n$1\r\na\r\n"},
		{"set xx", []string{"SET k a XX", "SET k a", "SET k b XX", "GET k"}, "$-1\r\n+OK\r\n+OK\r\n$1\r\nb\r\n"},
		{"set nx xx", []string{"SET k a NX XX"}, "-ERR syntax error\r\n"},
		{"set ex px", []string{"SET k a EX 1 PX 1"}, "-ERR syntax error\r\n"},
		{"set ex missing", []string{"SET k a EX"}, "-ERR syntax error\r\n"},
		{"set ex zero", []string{"SET k a EX 0"}, "-ERR invalid expire time in 'set' command\r\n"},
		{"set ex huge", []string{"SET k a EX 9223372036854775807"}, "-ERR invalid expire time in 'set' command\r\n"},
		{"set ex not int", []string{"SET k a EX 1.5"}, "-ERR value is not an integer or out of range\r\n"},
		{"set unknown option", []string{"SET k a FOO"}, "-ERR syntax error\r\n"},
		{"set arity", []string{"SET k"}, "-ERR wrong number of arguments for 'set' command\r\n"},
		{"del exists", []string{"MSET a 1 b 2", "EXISTS a b c a", "DEL a c", "EXISTS a b"}, "+OK\r\n:3\r\n:1\r\n:1\r\n"},
		{"incr", []string{"INCR n", "INCR n", "INCRBY n -5", "GET n"}, ":1\r\n:2\r\n:-3\r\n$2\r\n-3\r\n"},
		{"incr not int", []string{"SET n x", "INCR n", "SET n 01", "INCR n", "INCRBY n x"},
			"+OK\r\n-ERR value is not an integer or out of range\r\n+OK\r\n-ERR value is not an integer or out of range\r\n-ERR value is not an integer or out of range\r\n"},
		{"incr overflow", []string{"SET n 9223372036854775807", "INCR n", "SET m -9223372036854775808", "INCRBY m -1"},
			"+OK\r\n-ERR increment or decrement would overflow\r\n+OK\r\n-ERR increment or decrement would overflow\r\n"},
		{"mget", []string{"MSET a 1 b 2", "MGET a x b"}, "+OK\r\n*3\r\n$1\r\n1\r\n$-1\r\n$1\r\n2\r\n"},
		{"mset odd", []string{"MSET a 1 b"}, "-ERR wrong number of arguments for 'mset' command\r\n"},
		{"dbsize flushall", []string{"MSET a 1 b 2", "DBSIZE", "FLUSHALL", "DBSIZE", "FLUSHALL ASYNC", "FLUSHALL x"},
			"+OK\r\n:2\r\n+OK\r\n:0\r\n+OK\r\n-ERR syntax error\r\n"},
		{"select", []string{"SELECT 0", "SELECT 1", "SELECT x"},
			"+OK\r\n-ERR DB index is out of range\r\n-ERR value is not an integer or out of range\r\n"},
		{"command", []string{"COMMAND", "COMMAND DOCS"}, "*0\r\n*0\r\n"},
		{"config get", []string{"CONFIG GET save", "CONFIG GET APPENDONLY save x", "CONFIG GET x"},
			"*2\r\n$4\r\nsave\r\n$0\r\n\r\n*4\r\n$4\r\nsave\r\n$0\r\n\r\n$10\r\nappendonly\r\n$2\r\nno\r\n*0\r\n"},
		{"config other", []string{"CONFIG SET a b", "CONFIG GET"},
			"-ERR unknown subcommand 'SET'. Try CONFIG HELP.\r\n-ERR wrong number of arguments for 'config|get' command\r\n"},
		{"client name", []string{"CLIENT GETNAME", "CLIENT SETNAME bench", "client getname", "CLIENT SETNAME a\x01", "CLIENT SETNAME"},
			"$-1\r\n+OK\r\n$5\r\nbench\r\n-ERR Client names cannot contain spaces, newlines or special characters.\r\n-ERR wrong number of arguments for 'client|setname' command\r\n"},
		{"client other", []string{"CLIENT KILL x"}, "-ERR unknown subcommand 'KILL'. Try CLIENT HELP.\r\n"},
		{"unknown", []string{"FOO a b"}, "-ERR unknown command 'FOO', with args beginning with: 'a' 'b' \r\n"},
		{"unknown sanitized", []string{"*2\r\n$4\r\nF\r\nO\r\n$2\r\n\n-\r\n"}, "-ERR unknown command 'F  O', with args beginning with: ' -' \r\n"},
		{"unknown long", []string{"FOO " + strings.Repeat("x", 200) + " y"},
			"-ERR unknown command 'FOO', with args beginning with: '" + strings.Repeat("x", 128) + "' \r\n"},
		{"inline", []string{"SET k v\r\n", "GET k\n"}, "+OK\r\n$1\r\nv\r\n"},
		{"empty commands", []string{"*0\r\n", "\r\n", "PING"}, "+PONG\r\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := testConfig()
			cfg.lim = limits{maxBulk: 1024, maxArgs: 16, maxInput: 4096}
			h := newHarness(cfg)
			c, tr := h.connect()
			var in strings.Builder
			for _, cmd := range tc.in {
				if strings.HasPrefix(cmd, "*") || strings.HasSuffix(cmd, "\n") {
					in.WriteString(cmd)
				} else {
					in.WriteString(resp(strings.Split(cmd, " ")...))
				}
			}
			got := send(c, tr, in.String())
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("replies (-want +got):\n%s", diff)
			}
			if tr.Closed() {
				t.Errorf("connection closed; want it open")
			}
		})
	}
}

func TestQuit(t *testing.T) {
	h := newHarness(testConfig())
	c, tr := h.connect()
	got := send(c, tr, resp("QUIT")+resp("PING"))
	if got != "+OK\r\n" || !tr.Closed() {
		t.Errorf("QUIT then PING: replies %q, closed %v; want +OK and the connection closed", got, tr.Closed())
	}
	if got := send(c, tr, resp("PING")); got != "" {
		t.Errorf("after QUIT: replies %q, want none", got)
	}
}

func TestExpiry(t *testing.T) {
	h := newHarness(testConfig())
	c, tr := h.connect()
	send(c, tr, resp("SET", "s", "1", "EX", "2")+resp("SET", "m", "1", "PX", "1500")+resp("SET", "p", "1"))
	h.clock.Advance(1499 * time.Millisecond)
	if got, want := send(c, tr, resp("MGET", "s", "m", "p")), "*3\r\n$1\r\n1\r\n$1\r\n1\r\n$1\r\n1\r\n"; got != want {
		t.Errorf("at 1.499 s: %q, want %q", got, want)
	}
	h.clock.Advance(time.Millisecond)
	if got, want := send(c, tr, resp("MGET", "s", "m", "p")), "*3\r\n$1\r\n1\r\n$-1\r\n$1\r\n1\r\n"; got != want {
		t.Errorf("at 1.5 s: %q, want %q", got, want)
	}
	// SET without options clears the expiry, KEEPTTL keeps it, INCR keeps it.
	send(c, tr, resp("SET", "s", "2")+resp("SET", "k", "1", "EX", "1")+resp("SET", "k", "2", "KEEPTTL")+resp("INCR", "k"))
	h.clock.Advance(time.Second)
	if got, want := send(c, tr, resp("MGET", "s", "k")), "*2\r\n$1\r\n2\r\n$-1\r\n"; got != want {
		t.Errorf("at 2.5 s: %q, want %q", got, want)
	}
}

func TestExpirySweep(t *testing.T) {
	h := newHarness(testConfig())
	c, tr := h.connect()
	for i := range 30 {
		send(c, tr, resp("SET", "k"+itoa(i), "v", "PX", itoa(100+i)))
	}
	send(c, tr, resp("SET", "keep", "v"))
	h.clock.Advance(50 * time.Millisecond)
	if got := len(h.srv.store.data); got != 31 {
		t.Fatalf("keys before expiry = %d, want 31", got)
	}
	for range 5 {
		h.clock.Advance(sweepInterval)
	}
	if got := len(h.srv.store.data); got != 1 {
		t.Errorf("keys after the sweeps, none touched = %d, want 1", got)
	}
	if calls := h.clock.DelayedCalls(); len(calls) != 1 { // the idle timer only
		t.Errorf("pending calls = %d, want 1: the sweep must stop once no key has an expiry", len(calls))
	}
}

func TestLastPortStopsSweep(t *testing.T) {
	h := newHarness(testConfig())
	h.srv.DoStart() // two ports share the server
	h.srv.DoStart()
	c, tr := h.connect()
	send(c, tr, resp("SET", "k", "v", "EX", "10"))
	h.srv.DoStop()
	if h.srv.store.sweep == nil || !h.srv.store.sweep.Active() {
		t.Fatalf("sweep stopped while a port still uses the server")
	}
	h.srv.DoStop()
	if h.srv.store.sweep != nil {
		t.Errorf("sweep still scheduled after the last port stopped")
	}
}

func TestMaxMemory(t *testing.T) {
	cfg := testConfig()
	cfg.maxMemory = 330 // 125 per key below: two fit, not three
	h := newHarness(cfg)
	c, tr := h.connect()
	v := strings.Repeat("v", 60)
	got := send(c, tr, resp("SET", "a", v)+resp("SET", "b", v)+resp("SET", "c", v)+resp("MSET", "c", "1", "d", "1")+
		resp("INCR", "e")+resp("SET", "a", "small")+resp("SET", "c", v))
	oom := "-OOM command not allowed when used memory > 'maxmemory'.\r\n"
	want := "+OK\r\n+OK\r\n" + oom + oom + oom + "+OK\r\n+OK\r\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("replies (-want +got):\n%s", diff)
	}
	send(c, tr, resp("FLUSHALL"))
	if h.srv.store.used != 0 {
		t.Errorf("used after FLUSHALL = %d, want 0", h.srv.store.used)
	}
}
