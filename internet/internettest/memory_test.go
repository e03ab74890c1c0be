package internettest_test

import (
	"errors"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/twistgo/twistgo/deferred"
	"github.com/twistgo/twistgo/interfaces"
	"github.com/twistgo/twistgo/internet/internettest"
)

// events is a Protocol, Factory and ClientFactory in one, logging every
// call, so a test sees what the fakes tell each side.
type events struct {
	log   []string
	build bool // BuildProtocol returns a protocol
}

func (e *events) add(s string) { e.log = append(e.log, s) }

func (e *events) BuildProtocol(a net.Addr) interfaces.Protocol {
	e.add("BuildProtocol " + a.String())
	if !e.build {
		return nil
	}
	return e
}
func (e *events) DoStart()                               { e.add("DoStart") }
func (e *events) DoStop()                                { e.add("DoStop") }
func (e *events) MakeConnection(interfaces.Transport)    { e.add("MakeConnection") }
func (e *events) ConnectionMade()                        { e.add("ConnectionMade") }
func (e *events) DataReceived([]byte)                    { e.add("DataReceived") }
func (e *events) ConnectionLost(error)                   { e.add("ConnectionLost") }
func (e *events) StartedConnecting(interfaces.Connector) { e.add("StartedConnecting") }
func (e *events) ClientConnectionFailed(_ interfaces.Connector, err error) {
	e.add("ClientConnectionFailed " + err.Error())
}
func (e *events) ClientConnectionLost(_ interfaces.Connector, err error) {
	e.add("ClientConnectionLost " + err.Error())
}

func TestMemoryReactorListenTCP(t *testing.T) {
	r := internettest.NewMemoryReactor()
	f := &events{build: true}
	tests := []struct {
		opts interfaces.TCPListenOptions
		host string
	}{
		{interfaces.TCPListenOptions{}, "0.0.0.0:80"},
		{interfaces.TCPListenOptions{Interface: "::1", Backlog: 3}, "[::1]:80"},
	}
	for i, tc := range tests {
		p, err := r.ListenTCP(80, f, tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.GetHost().String(); got != tc.host {
			t.Errorf("GetHost() = %s, want %s", got, tc.host)
		}
		rec := r.TCPServers[i]
		if rec.Port != 80 || rec.Factory != f || rec.Options != tc.opts || rec.Fake != p {
			t.Errorf("record %d = %+v", i, rec)
		}
	}
	if _, err := r.ListenTCP(70000, f, interfaces.TCPListenOptions{}); !errors.Is(err, interfaces.ErrInvalidArgument) {
		t.Errorf("ListenTCP(70000) = %v, want ErrInvalidArgument", err)
	}
}

func TestMemoryReactorInjectedErrors(t *testing.T) {
	errX := errors.New("x")
	r := internettest.NewMemoryReactor()
	r.ListenErr, r.ConnectErr = errX, errX
	f := &events{}
	_, e1 := r.ListenTCP(1, f, interfaces.TCPListenOptions{})
	_, e2 := r.ListenUNIX("/s", f, interfaces.UNIXListenOptions{})
	_, e3 := r.ListenUDP(1, nil, interfaces.UDPListenOptions{})
	_, e4 := r.ConnectTCP("h", 1, f, interfaces.TCPConnectOptions{})
	_, e5 := r.ConnectUNIX("/s", f, interfaces.UNIXConnectOptions{})
	for i, err := range []error{e1, e2, e3, e4, e5} {
		if err != errX {
			t.Errorf("call %d returned %v, want the injected error", i+1, err)
		}
	}
	if n := len(r.TCPServers) + len(r.UNIXServers) + len(r.UDPPorts) + len(r.TCPClients) + len(r.UNIXClients); n != 0 {
		t.Errorf("%d calls recorded despite the errors", n)
	}
}

func TestMemoryReactorRun(t *testing.T) {
	r := internettest.NewMemoryReactor()
	var log []string
	r.CallWhenRunning(func() {
		log = append(log, "hook")
		r.CallWhenRunning(func() { log = append(log, "nested, at once") })
	})
	r.CallFromThread(func() { log = append(log, "thread call") })
	if err := r.Run(); err != nil {
		t.Fatal(err)
	}
	want := []string{"hook", "nested, at once", "thread call"}
	if diff := cmp.Diff(want, log); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
	if r.Running() || !r.HasRun || !r.HasStopped {
		t.Errorf("Running %v, HasRun %v, HasStopped %v", r.Running(), r.HasRun, r.HasStopped)
	}
	if err := r.Run(); !errors.Is(err, interfaces.ErrReactorNotRestartable) {
		t.Errorf("second Run = %v", err)
	}
	if err := r.Stop(); !errors.Is(err, interfaces.ErrReactorNotRunning) {
		t.Errorf("Stop after Run = %v", err)
	}
}

func TestMemoryReactorRunWhileRunning(t *testing.T) {
	r := internettest.NewMemoryReactor()
	var inner error
	r.CallWhenRunning(func() { inner = r.Run() })
	_ = r.Run()
	if !errors.Is(inner, interfaces.ErrReactorAlreadyRunning) {
		t.Errorf("Run inside Run = %v", inner)
	}
}

func TestMemoryReactorCallFromThreadIsConcurrent(t *testing.T) {
	r := internettest.NewMemoryReactor()
	var wg sync.WaitGroup
	n := 0
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.CallFromThread(func() { n++ })
		}()
	}
	wg.Wait()
	if got := r.RunThreadCalls(); got != 8 || n != 8 {
		t.Errorf("RunThreadCalls ran %d (counted %d), want 8", got, n)
	}
	r.CallInThread(func() { n++ })
	r.SuggestThreadPoolSize(3)
	if n != 9 || r.ThreadPool != 3 {
		t.Errorf("CallInThread did not run at once (n=%d) or ThreadPool=%d", n, r.ThreadPool)
	}
}

func TestMemoryReactorTriggers(t *testing.T) {
	r := internettest.NewMemoryReactor()
	var log []string
	add := func(p interfaces.Phase, name string, ret *deferred.Deferred) interfaces.TriggerID {
		id, err := r.AddSystemEventTrigger(p, interfaces.Shutdown, func() *deferred.Deferred {
			log = append(log, name)
			return ret
		})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	wait := deferred.New(nil)
	add(interfaces.After, "after", nil)
	add(interfaces.Before, "before", wait)
	gone := add(interfaces.During, "removed", nil)
	add(interfaces.During, "during", nil)
	if err := r.RemoveSystemEventTrigger(gone); err != nil {
		t.Fatal(err)
	}
	if err := r.RemoveSystemEventTrigger(gone); !errors.Is(err, interfaces.ErrUnknownTrigger) {
		t.Errorf("removing twice = %v", err)
	}
	if n := len(r.Triggers(interfaces.During, interfaces.Shutdown)); n != 1 {
		t.Errorf("%d During triggers stored, want 1", n)
	}
	waits := r.FireSystemEvent(interfaces.Shutdown)
	if diff := cmp.Diff([]string{"before", "during", "after"}, log); diff != "" {
		t.Errorf("trigger order (-want +got):\n%s", diff)
	}
	if len(waits) != 1 || waits[0] != wait {
		t.Errorf("FireSystemEvent returned %v, want the Before Deferred", waits)
	}
	if r.FireSystemEvent(interfaces.Shutdown); len(log) != 3 {
		t.Errorf("triggers ran twice: %v", log)
	}
	for _, bad := range []struct {
		p interfaces.Phase
		e interfaces.Event
		f interfaces.Trigger
	}{
		{"soon", interfaces.Startup, func() *deferred.Deferred { return nil }},
		{interfaces.Before, "lunch", func() *deferred.Deferred { return nil }},
		{interfaces.Before, interfaces.Startup, nil},
	} {
		if _, err := r.AddSystemEventTrigger(bad.p, bad.e, bad.f); !errors.Is(err, interfaces.ErrInvalidArgument) {
			t.Errorf("AddSystemEventTrigger(%q, %q) = %v, want ErrInvalidArgument", bad.p, bad.e, err)
		}
	}
}

// fd is a descriptor for the reader and writer sets.
type fd int

func (d fd) Fileno() int          { return int(d) }
func (d fd) ConnectionLost(error) {}
func (d fd) DoRead() error        { return nil }
func (d fd) DoWrite() error       { return nil }

func TestMemoryReactorFDSet(t *testing.T) {
	r := internettest.NewMemoryReactor()
	_ = r.AddReader(fd(3))
	_ = r.AddReader(fd(3))
	_ = r.AddReader(fd(4))
	_ = r.AddWriter(fd(4))
	_ = r.AddWriter(fd(5))
	r.RemoveReader(fd(9))
	if diff := cmp.Diff([]interfaces.ReadDescriptor{fd(3), fd(4)}, r.Readers()); diff != "" {
		t.Errorf("Readers (-want +got):\n%s", diff)
	}
	r.RemoveWriter(fd(5))
	if diff := cmp.Diff([]interfaces.WriteDescriptor{fd(4)}, r.Writers()); diff != "" {
		t.Errorf("Writers (-want +got):\n%s", diff)
	}
	_ = r.AddWriter(fd(5))
	all := r.RemoveAll()
	if diff := cmp.Diff([]interfaces.FileDescriptor{fd(3), fd(4), fd(5)}, all); diff != "" {
		t.Errorf("RemoveAll (-want +got):\n%s", diff)
	}
	if len(r.Readers())+len(r.Writers()) != 0 {
		t.Error("sets not empty after RemoveAll")
	}
}

func TestMemoryReactorClock(t *testing.T) {
	r := internettest.NewMemoryReactor()
	ran := false
	r.CallLater(time.Second, func() { ran = true })
	if len(r.DelayedCalls()) != 1 {
		t.Fatal("call not pending")
	}
	r.Advance(time.Second)
	if !ran {
		t.Error("Advance did not run the call")
	}
}
