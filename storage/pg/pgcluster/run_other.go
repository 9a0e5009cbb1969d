//go:build !unix

package pgcluster

import "os/exec"

// runAs: elsewhere the server runs as the user who starts it.
func runAs(cmd *exec.Cmd, uid, gid int) {}
