// Error values of package task.

package task

import "errors"

var (
	// ErrLoopRunning is returned by LoopingCall.Start while the loop runs.
	//
	// Twisted: the assertion in LoopingCall.start.
	ErrLoopRunning = errors.New("twistgo: looping call already running")

	// ErrLoopNotRunning is returned by LoopingCall.Stop and Reset when the
	// loop does not run.
	//
	// Twisted: the assertions in LoopingCall.stop and LoopingCall.reset.
	ErrLoopNotRunning = errors.New("twistgo: looping call not running")

	// ErrTaskDone is returned by the methods of a CooperativeTask whose
	// iterator has finished.
	//
	// Twisted: task.TaskDone.
	ErrTaskDone = errors.New("twistgo: task is done")

	// ErrTaskStopped is the failure of WhenDone after CooperativeTask.Stop,
	// and is returned by the methods of a task that was stopped.
	//
	// Twisted: task.TaskStopped.
	ErrTaskStopped = errors.New("twistgo: task was stopped")

	// ErrTaskFailed is returned by the methods of a CooperativeTask whose
	// iterator failed; WhenDone carries the iterator's own error.
	//
	// Twisted: task.TaskFailed.
	ErrTaskFailed = errors.New("twistgo: task failed")

	// ErrSchedulerStopped is the failure of WhenDone for every task of a
	// Cooperator that was stopped, and of tasks given to it afterwards.
	//
	// Twisted: task.SchedulerStopped.
	ErrSchedulerStopped = errors.New("twistgo: cooperator was stopped")

	// ErrNotPaused is returned by CooperativeTask.Resume on a task that is
	// not paused.
	//
	// Twisted: task.NotPaused.
	ErrNotPaused = errors.New("twistgo: task is not paused")
)
