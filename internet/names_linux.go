// The reactors Linux offers: epoll (the default), poll and select.

package internet

// reactorKinds lists this platform's reactors, default first.
var reactorKinds = []reactorKind{
	{name: "epoll", newPoller: newEPollPoller},
	{name: "poll", newPoller: newPollPoller},
	{name: "select", newPoller: newSelectPoller},
}
