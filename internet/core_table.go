// The storage of the descriptor table: entries indexed by fd, kept in
// fixed-size pages allocated as numbers come into use. Pages never move,
// so growing the table copies nothing, and a reactor with n descriptors
// holds about n entries rather than the next power of two.

package internet

import "iter"

// pageBits sets the entries per page: 256 entries of 24 bytes, 6 KiB.
const pageBits = 8

// watchPage is one page of the table.
type watchPage [1 << pageBits]watch

// watchTable maps fds to entries; the zero value is an empty table.
type watchTable struct {
	pages []*watchPage
}

// at returns fd's entry, or nil if its page was never allocated.
func (t *watchTable) at(fd int) *watch {
	p := fd >> pageBits
	if fd < 0 || p >= len(t.pages) || t.pages[p] == nil {
		return nil
	}
	return &t.pages[p][fd&(1<<pageBits-1)]
}

// ensure returns fd's entry, allocating its page if needed. fd must not be
// negative.
func (t *watchTable) ensure(fd int) *watch {
	p := fd >> pageBits
	t.pages = growTo(t.pages, p+1, nil)
	if t.pages[p] == nil {
		t.pages[p] = new(watchPage)
	}
	return &t.pages[p][fd&(1<<pageBits-1)]
}

// used yields the fd and entry of every entry in use, in fd order.
func (t *watchTable) used() iter.Seq2[int, *watch] {
	return func(yield func(int, *watch) bool) {
		for p, page := range t.pages {
			if page == nil {
				continue
			}
			for i := range page {
				if w := &page[i]; w.gen != 0 && !yield(p<<pageBits|i, w) {
					return
				}
			}
		}
	}
}
