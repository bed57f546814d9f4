namespace ReputationEngine.Server.Ingest;

/// <summary>
/// Mentions received but not yet taken by the log writer (<see cref="MentionLog.MentionLogWriter"/>). The dispatcher's
/// case lane steps aside while it is long, so during a burst taking mentions in, and detecting on them, comes before the
/// CRM view (<see cref="IngestOptions.MaxCaseLaneBacklog"/>).
/// </summary>
public sealed class LogWriterBacklog
{
    private long _mentions;

    public long Mentions => Interlocked.Read(ref _mentions);

    public void Added(int count) => Interlocked.Add(ref _mentions, count);

    public void Taken(int count) => Interlocked.Add(ref _mentions, -count);
}
