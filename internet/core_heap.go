// The timer heap: a binary min-heap of scheduled calls ordered by due time,
// then by scheduling order.

package internet

import "time"

// timerHeap orders delayed calls by (when, seq), so calls due at the same
// time run in the order they were scheduled. Every call knows its position
// (index), which makes removal and re-positioning O(log n). seq is the
// next sequence number to hand out.
type timerHeap struct {
	h   []*delayedCall
	seq uint64
}

// less reports whether a runs before b.
func less(a, b *delayedCall) bool {
	if a.when != b.when {
		return a.when < b.when
	}
	return a.seq < b.seq
}

// push schedules c at when with a fresh sequence number.
func (t *timerHeap) push(c *delayedCall, when time.Duration) {
	c.when, c.seq = when, t.seq
	t.seq++
	c.index = len(t.h)
	t.h = append(t.h, c)
	t.up(c.index)
}

// remove takes c out of the heap.
func (t *timerHeap) remove(c *delayedCall) {
	i, last := c.index, len(t.h)-1
	if i != last {
		t.swap(i, last)
	}
	t.h[last] = nil
	t.h = t.h[:last]
	c.index = -1
	if i != last {
		t.fix(i)
	}
}

// move re-schedules c, already in the heap, at when with a fresh sequence
// number, as if it had just been scheduled.
func (t *timerHeap) move(c *delayedCall, when time.Duration) {
	c.when, c.seq = when, t.seq
	t.seq++
	t.fix(c.index)
}

// fix restores the order around position i.
func (t *timerHeap) fix(i int) {
	if !t.down(i) {
		t.up(i)
	}
}

func (t *timerHeap) up(i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if !less(t.h[i], t.h[parent]) {
			return
		}
		t.swap(i, parent)
		i = parent
	}
}

// down moves the element at i towards the leaves and reports whether it
// moved.
func (t *timerHeap) down(i int) bool {
	start, n := i, len(t.h)
	for {
		child := 2*i + 1
		if child >= n {
			break
		}
		if right := child + 1; right < n && less(t.h[right], t.h[child]) {
			child = right
		}
		if !less(t.h[child], t.h[i]) {
			break
		}
		t.swap(i, child)
		i = child
	}
	return i > start
}

func (t *timerHeap) swap(i, j int) {
	t.h[i], t.h[j] = t.h[j], t.h[i]
	t.h[i].index = i
	t.h[j].index = j
}
