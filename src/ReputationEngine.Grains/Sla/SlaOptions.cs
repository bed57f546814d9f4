namespace ReputationEngine.Grains.Sla;

/// <summary>Behaviour of the SLA checks that differs between the live engine and a replay.</summary>
public sealed class SlaOptions
{
    /// <summary>
    /// Live: a conversation nobody answers is woken when its SLA is due (<see cref="SlaScheduleGrain"/>). A replay
    /// turns this off: the schedule ticks on the wall clock, so silence breaches would depend on how fast the machine
    /// replays. Breaches found in event time (a later message or a late brand reply) are raised either way.
    /// </summary>
    public bool WakeUpWhenDue { get; set; } = true;
}
