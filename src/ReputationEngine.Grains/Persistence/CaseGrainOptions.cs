namespace ReputationEngine.Grains.Persistence;

/// <summary>Behaviour of customer and conversation grains that differs between the live engine and a replay.</summary>
public sealed class CaseGrainOptions
{
    /// <summary>
    /// Live: changes made outside ingest (engagement credits, staff actions, SLA checks) are written and listed within
    /// a second by a one-shot wall-clock timer (<see cref="FlushSoon"/>). A replay turns it off: a timer on the wall
    /// clock would deliver engagement credits at points that depend on how fast the machine replays, and the replay
    /// flushes every conversation in its own turn of each batch instead (<c>IIngestWorkerGrain.ApplyInOrderAsync</c>).
    /// </summary>
    public bool WriteSoon { get; set; } = true;

    /// <summary>
    /// Live: a flushed customer or conversation updates its entry in its topics' lists (the dashboards and
    /// <c>GET /api/topics/{id}/customers|conversations</c> read them). A replay has no reader of those lists; there a
    /// customer's apply does not segment the customer either (the summary it returns is for the lists).
    /// </summary>
    public bool ListInTopics { get; set; } = true;
}
