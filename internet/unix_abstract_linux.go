// Linux has abstract UNIX socket names: a path starting with "@" names a
// socket with no file (x/sys/unix turns the "@" into the leading NUL).

package internet

// abstractNames says "@name" paths are abstract here.
const abstractNames = true
