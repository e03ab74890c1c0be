// Shared helpers for the tests of package deferred.

package deferred_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/twistgo/twistgo/deferred"
)

// trace records, in order, which callbacks of a chain ran and with what.
type trace struct{ log []string }

// cb returns a callback that logs name and the result, then returns ret.
func (tr *trace) cb(name string, ret any, err error) deferred.Callback {
	return func(r any) (any, error) {
		tr.log = append(tr.log, fmt.Sprintf("%s(%v)", name, r))
		return ret, err
	}
}

// eb returns an errback that logs name and the error, then returns ret.
func (tr *trace) eb(name string, ret any, err error) deferred.Errback {
	return func(e error) (any, error) {
		tr.log = append(tr.log, fmt.Sprintf("%s(%v)", name, e))
		return ret, err
	}
}

// pass returns a callback that logs name and passes the result on.
func (tr *trace) pass(name string) deferred.Callback {
	return func(r any) (any, error) {
		tr.log = append(tr.log, fmt.Sprintf("%s(%v)", name, r))
		return r, nil
	}
}

// keep returns an errback that logs name and passes the error on.
func (tr *trace) keep(name string) deferred.Errback {
	return func(e error) (any, error) {
		tr.log = append(tr.log, fmt.Sprintf("%s(%v)", name, e))
		return nil, e
	}
}

// returning returns a callback that logs name and returns d, chaining it.
func (tr *trace) returning(name string, d *deferred.Deferred) deferred.Callback {
	return func(r any) (any, error) {
		tr.log = append(tr.log, fmt.Sprintf("%s(%v)", name, r))
		return d, nil
	}
}

var (
	errBoom  = errors.New("boom")
	errOther = errors.New("other")
)

// wantResult fails t unless d has fired and holds want with no error.
func wantResult(t *testing.T, d *deferred.Deferred, want any) {
	t.Helper()
	if !d.Called() {
		t.Fatalf("Deferred not called; want result %v", want)
	}
	got, err := d.Result()
	if err != nil || got != want {
		t.Fatalf("Result() = %v, %v; want %v, nil", got, err, want)
	}
}

// wantError fails t unless d has fired and holds an error matching want.
func wantError(t *testing.T, d *deferred.Deferred, want error) {
	t.Helper()
	if !d.Called() {
		t.Fatalf("Deferred not called; want error %v", want)
	}
	got, err := d.Result()
	if !errors.Is(err, want) {
		t.Fatalf("Result() = %v, %v; want error matching %v", got, err, want)
	}
}

// handle adds an errback that swallows d's error, so no unhandled-error
// report is left behind by a test that fails a Deferred on purpose.
func handle(d *deferred.Deferred) {
	d.AddErrback(func(error) (any, error) { return nil, nil })
}
