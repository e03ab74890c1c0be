// Queue: a FIFO of values whose Get returns a Deferred.

package deferred

import "fmt"

// Queue passes values from producers to consumers on the reactor
// goroutine: Get returns a Deferred that fires with the next value, at once
// if one is queued.
//
// Waiting getters are served in order. The optional limits bound memory: a
// size limit on queued values and a backlog limit on waiting getters. The
// zero value is a Queue with no limits. Call only on the reactor goroutine.
//
// Example:
//
//	q := deferred.NewQueue(100, 0)
//	_ = q.Put(line)   // producer
//	d, _ := q.Get()   // consumer
//	d.AddCallback(handleLine)
//
// Twisted: defer.DeferredQueue.
type Queue struct {
	size    int
	backlog int
	pending []any
	waiting waitList
}

// NewQueue returns an empty Queue holding at most size values and at most
// backlog waiting getters; 0 (or less) means no limit.
//
// Example:
//
//	q := deferred.NewQueue(1024, 0) // bounded buffer, any number of consumers
//
// Twisted: DeferredQueue.__init__ (None meaning no limit).
func NewQueue(size, backlog int) *Queue {
	return &Queue{size: size, backlog: backlog}
}

// Len reports how many values are queued, not yet taken by Get.
//
// Example:
//
//	if q.Len() > highWater {
//		producer.PauseProducing()
//	}
//
// Twisted: len(DeferredQueue.pending).
func (q *Queue) Len() int {
	return len(q.pending)
}

// Put hands v to the oldest waiting getter, or queues it.
//
// It returns ErrQueueOverflow if no getter waits and the size limit is
// reached, and an error matching ErrInvalidResult if v is a *Deferred.
//
// Example:
//
//	if err := q.Put(msg); errors.Is(err, deferred.ErrQueueOverflow) {
//		conn.PauseProducing()
//	}
//
// Twisted: DeferredQueue.put.
func (q *Queue) Put(v any) error {
	if _, ok := v.(*Deferred); ok {
		return fmt.Errorf("%w: Put of a *Deferred", ErrInvalidResult)
	}
	if d := q.waiting.pop(); d != nil {
		return d.Callback(v)
	}
	if q.size > 0 && len(q.pending) >= q.size {
		return ErrQueueOverflow
	}
	q.pending = append(q.pending, v)
	return nil
}

// Get returns a Deferred that fires with the oldest queued value: at once
// if one is queued, else when a value is put.
//
// Cancelling a waiting Deferred removes the getter, so no value is lost to
// it. Get returns ErrQueueUnderflow if the queue is empty and the backlog
// limit of waiting getters is reached.
//
// Example:
//
//	d, err := q.Get()
//	if err != nil {
//		return err
//	}
//	deferred.AddTimeout(d, time.Minute, reactor)
//
// Twisted: DeferredQueue.get.
func (q *Queue) Get() (*Deferred, error) {
	if len(q.pending) > 0 {
		v := q.pending[0]
		q.pending[0] = nil
		q.pending = q.pending[1:]
		return Succeed(v), nil
	}
	if q.backlog > 0 && q.waiting.len() >= q.backlog {
		return nil, ErrQueueUnderflow
	}
	d := New(q.cancelGet)
	q.waiting.push(d)
	return d, nil
}

func (q *Queue) cancelGet(d *Deferred) {
	q.waiting.remove(d)
}
