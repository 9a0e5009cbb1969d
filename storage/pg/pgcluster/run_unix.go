//go:build unix

package pgcluster

import (
	"os/exec"
	"syscall"
)

// runAs runs cmd as another user (root may).
func runAs(cmd *exec.Cmd, uid, gid int) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}
}
