namespace ReputationEngine.Server.Ingest;

/// <summary>
/// The mention-log partition this process writes and dispatches. Stable across restarts of the same silo
/// (host name and silo port), so a restarted silo resumes its own unfinished work.
/// </summary>
public sealed record IngestPartition(string Name);
