import type { ActiveImmuneCore } from '@feedkit/protocol';
import type { Random } from '../../Random';

/** A simulated happening, before it gets its timestamp and source. */
export interface ImmuneEvent {
  readonly event_type: ActiveImmuneCore.EventType;
  readonly data: Record<string, unknown>;
  readonly room: 'agents' | 'tasks' | 'coordination' | 'system';
}

interface Agent {
  readonly agent_id: string;
  readonly agent_type: string;
  status: string;
}

interface Task {
  readonly task_id: string;
  readonly task_type: string;
  status: 'pending' | 'assigned' | 'running';
  agent_id?: string;
}

const AGENT_TYPES = ['neutrophil', 'macrophage', 'nk_cell', 'dendritic', 't_cell', 'b_cell'];
const AGENT_STATUSES = ['active', 'patrolling', 'engaging', 'resting'];
const TASK_TYPES = ['scan_network', 'neutralize_threat', 'collect_samples', 'report'];

/**
 * Agents that are created, change status and die; tasks that are created,
 * assigned, started and finish; elections with rising terms; consensus
 * proposals and their decisions; health, metrics and alerts. Each event
 * goes to the room the seed's table puts it in.
 */
export class ImmuneSystem {
  private readonly agents = new Map<string, Agent>();
  private readonly tasks = new Map<string, Task>();
  private agentSeq = 0;
  private taskSeq = 0;
  private proposalSeq = 0;
  private term = 1;
  private leader = '';
  private health = 'healthy';

  constructor(private readonly random: Random) {
    for (let i = 0; i < 3; i++) this.createAgent();
    this.leader = [...this.agents.keys()][0] as string;
  }

  next(): ImmuneEvent[] {
    const roll = this.random.next();
    if (roll < 0.15 || this.agents.size === 0) return [this.createAgent()];
    if (roll < 0.3) return [this.agentStatus()];
    if (roll < 0.35 && this.agents.size > 3) return this.deleteAgent();
    if (roll < 0.42) return this.agentAction();
    if (roll < 0.52) return [this.createTask()];
    if (roll < 0.7 && this.tasks.size > 0) return [this.advanceTask()];
    if (roll < 0.76) return this.election();
    if (roll < 0.84) return this.consensus();
    if (roll < 0.9) return [this.metrics()];
    if (roll < 0.95) return [this.healthChange()];
    return [this.alert()];
  }

  stats(): { agents: number; tasks: number; term: number; leader: string } {
    return {
      agents: this.agents.size,
      tasks: this.tasks.size,
      term: this.term,
      leader: this.leader,
    };
  }

  private createAgent(): ImmuneEvent {
    const agent_type = this.random.pick(AGENT_TYPES);
    const agent: Agent = {
      agent_id: `agent_${agent_type}_${String(++this.agentSeq).padStart(3, '0')}`,
      agent_type,
      status: 'active',
    };
    this.agents.set(agent.agent_id, agent);
    return { event_type: 'agent_created', data: { ...agent }, room: 'agents' };
  }

  private agentStatus(): ImmuneEvent {
    const agent = this.random.pick([...this.agents.values()]);
    const old_status = agent.status;
    agent.status = this.random.pick(AGENT_STATUSES.filter((s) => s !== old_status));
    return {
      event_type: 'agent_status_changed',
      data: { agent_id: agent.agent_id, old_status, new_status: agent.status },
      room: 'agents',
    };
  }

  private deleteAgent(): ImmuneEvent[] {
    const candidates = [...this.agents.keys()].filter((id) => id !== this.leader);
    const agent_id = this.random.pick(candidates);
    this.agents.delete(agent_id);
    const events: ImmuneEvent[] = [
      { event_type: 'agent_deleted', data: { agent_id }, room: 'agents' },
    ];
    for (const task of this.tasks.values()) {
      if (task.agent_id !== agent_id) continue;
      this.tasks.delete(task.task_id);
      events.push({
        event_type: 'task_cancelled',
        data: { task_id: task.task_id, old_status: task.status, new_status: 'cancelled' },
        room: 'tasks',
      });
    }
    return events;
  }

  private agentAction(): ImmuneEvent[] {
    const agent = this.random.pick([...this.agents.values()]);
    const action = this.random.pick(['phagocytose', 'release_cytokines', 'present_antigen']);
    const old_status = agent.status;
    agent.status = 'engaging';
    const events: ImmuneEvent[] = [
      {
        event_type: 'agent_action',
        data: {
          agent_id: agent.agent_id,
          action,
          result: { success: true, targets: this.random.int(1, 5) },
        },
        room: 'agents',
      },
    ];
    if (old_status !== 'engaging') {
      events.push({
        event_type: 'agent_status_changed',
        data: { agent_id: agent.agent_id, old_status, new_status: 'engaging' },
        room: 'agents',
      });
    }
    return events;
  }

  private createTask(): ImmuneEvent {
    const task: Task = {
      task_id: `task_${String(++this.taskSeq).padStart(4, '0')}`,
      task_type: this.random.pick(TASK_TYPES),
      status: 'pending',
    };
    this.tasks.set(task.task_id, task);
    return {
      event_type: 'task_created',
      data: {
        task_id: task.task_id,
        task_type: task.task_type,
        status: task.status,
        priority: this.random.int(1, 10),
      },
      room: 'tasks',
    };
  }

  private advanceTask(): ImmuneEvent {
    const task = this.random.pick([...this.tasks.values()]);
    const old_status = task.status;
    const status = (event_type: ActiveImmuneCore.EventType, new_status: string): ImmuneEvent => ({
      event_type,
      data: {
        task_id: task.task_id,
        old_status,
        new_status,
        ...(task.agent_id ? { agent_id: task.agent_id } : {}),
      },
      room: 'tasks',
    });
    if (task.status === 'pending') {
      task.status = 'assigned';
      task.agent_id = this.random.pick([...this.agents.keys()]);
      return status('task_assigned', 'assigned');
    }
    if (task.status === 'assigned') {
      task.status = 'running';
      return status('task_started', 'running');
    }
    this.tasks.delete(task.task_id);
    return this.random.chance(0.8)
      ? status('task_completed', 'completed')
      : status('task_failed', 'failed');
  }

  private election(): ImmuneEvent[] {
    this.term += 1;
    this.leader = this.random.pick([...this.agents.keys()]);
    return [
      { event_type: 'election_triggered', data: { term: this.term }, room: 'coordination' },
      {
        event_type: 'leader_elected',
        data: { leader_id: this.leader, term: this.term },
        room: 'coordination',
      },
    ];
  }

  private consensus(): ImmuneEvent[] {
    const proposal_id = `proposal_${String(++this.proposalSeq).padStart(3, '0')}`;
    const voters = this.agents.size;
    const approvals = this.random.int(0, voters);
    const approval_rate = voters === 0 ? 0 : Math.round((approvals / voters) * 100) / 100;
    return [
      {
        event_type: 'consensus_proposed',
        data: { proposal_id, proposal_type: 'threat_response', proposer_id: this.leader },
        room: 'coordination',
      },
      {
        event_type: 'consensus_decided',
        data: {
          proposal_id,
          decision: approval_rate >= 0.66 ? 'approved' : 'rejected',
          approval_rate,
        },
        room: 'coordination',
      },
    ];
  }

  private metrics(): ImmuneEvent {
    return {
      event_type: 'metrics_updated',
      data: {
        agents_total: this.agents.size,
        tasks_pending: this.tasks.size,
        cpu_percent: Math.round(this.random.between(5, 95)),
        term: this.term,
      },
      room: 'system',
    };
  }

  private healthChange(): ImmuneEvent {
    this.health = this.random.pick(['healthy', 'degraded', 'healthy']);
    return {
      event_type: 'health_changed',
      data: { status: this.health, details: { agents: this.agents.size, tasks: this.tasks.size } },
      room: 'system',
    };
  }

  private alert(): ImmuneEvent {
    const cpu = this.random.int(85, 99);
    return {
      event_type: 'alert_triggered',
      data: { level: 'warning', message: 'High CPU usage detected', details: { cpu } },
      room: 'system',
    };
  }
}
