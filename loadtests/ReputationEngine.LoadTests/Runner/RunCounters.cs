namespace ReputationEngine.LoadTests.Runner;

/// <summary>Running totals of the sending phase, updated by every sender.</summary>
public sealed class RunCounters
{
    private long _sent;
    private long _accepted;
    private long _duplicates;
    private long _rejected;
    private long _requests;
    private long _failedRequests;

    public long Sent => Interlocked.Read(ref _sent);
    public long Accepted => Interlocked.Read(ref _accepted);
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public long Rejected => Interlocked.Read(ref _rejected);
    public long Requests => Interlocked.Read(ref _requests);
    public long FailedRequests => Interlocked.Read(ref _failedRequests);

    public void AddSent(int items)
    {
        Interlocked.Add(ref _sent, items);
        Interlocked.Increment(ref _requests);
    }

    public void AddReply(int accepted, int duplicates, int rejected)
    {
        Interlocked.Add(ref _accepted, accepted);
        Interlocked.Add(ref _duplicates, duplicates);
        Interlocked.Add(ref _rejected, rejected);
    }

    public void AddFailure() => Interlocked.Increment(ref _failedRequests);
}
