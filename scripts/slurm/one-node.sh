#!/bin/bash
# One-node Slurm from Debian 12's packages (slurm-wlm, munge), no systemd, run as root.
# A copy of the measured recipe ../shared/recipes/slurm-one-node.sh (the project must not call
# that file at run time). Source it, then: slurm_install; slurm_up; ...; slurm_down.
# slurm_wait JOBID [TIMEOUT_S] waits until every array task is in a final state and fails
# unless all COMPLETED. Put slurm_down in an EXIT trap: the daemons detach and outlive the script.

slurm_install() {
  command -v slurmctld >/dev/null 2>&1 && return 0
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
}

slurm_up() {
  local H N i
  H=$(hostname -s); N=$(nproc)
  [ -s /etc/munge/munge.key ] || mungekey --create
  chown munge:munge /etc/munge/munge.key; chmod 0400 /etc/munge/munge.key
  install -d -o munge -g munge -m 0755 /run/munge
  if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    runuser -u munge -- /usr/sbin/munged
    munge -n | unmunge >/dev/null
  fi
  rm -rf /var/spool/slurmctld /var/spool/slurmd
  mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
  cat > /etc/slurm/slurm.conf <<CONF
ClusterName=ci
SlurmctldHost=${H}(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
ReturnToService=2
MailProg=/bin/true
MinJobAge=300
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
NodeName=${H} NodeAddr=127.0.0.1 CPUs=${N} State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
  slurmctld
  slurmd
  for i in $(seq 1 120); do
    [ "$(sinfo -h -N -o %t 2>/dev/null)" = idle ] && return 0
    sleep 0.5
  done
  echo "slurm node never became idle" >&2; sinfo -N -l >&2 || true
  tail -n 30 /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log >&2 || true
  return 1
}

slurm_wait() {
  local jid=$1 deadline=$(( $(date +%s) + ${2:-120} )) st
  while :; do
    st=$(squeue -h -j "$jid" -t all -o %T) || { echo "squeue failed" >&2; return 1; }
    printf '%s\n' "$st" | grep -qvE '^(COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|BOOT_FAIL|DEADLINE|PREEMPTED)$' || break
    [ "$(date +%s)" -lt "$deadline" ] || { echo "timeout waiting for job $jid" >&2; squeue -h -j "$jid" -t all >&2; return 1; }
    sleep 0.5
  done
  st=$(squeue -h -j "$jid" -t all -o '%i %T' | grep -v ' COMPLETED$' || true)
  [ -z "$st" ] || { echo "job $jid tasks not COMPLETED: $st" >&2; return 1; }
}

slurm_down() {
  local pf pid i
  if [ -s /run/slurmctld.pid ]; then
    scancel --full -p debug 2>/dev/null || true
    for i in $(seq 1 50); do [ -z "$(squeue -h -o %i 2>/dev/null)" ] && break; sleep 0.2; done
  fi
  _alive() { local st; st=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) && [ -n "$st" ] && [ "$st" != Z ]; }
  for pf in /run/slurmd.pid /run/slurmctld.pid /run/munge/munged.pid; do
    [ -s "$pf" ] || continue
    pid=$(cat "$pf"); rm -f "$pf"
    kill "$pid" 2>/dev/null || continue
    for i in $(seq 1 100); do _alive "$pid" || break; sleep 0.1; done
    ! _alive "$pid" || kill -9 "$pid"
  done
}
