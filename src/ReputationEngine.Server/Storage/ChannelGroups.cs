using System.Threading.Channels;

namespace ReputationEngine.Server.Storage;

/// <summary>
/// The consuming side of a group commit: wait for one item, take whatever else is queued (up to a bound) and
/// process them together, so one transaction or query serves everyone who asked while the previous one ran.
/// </summary>
public static class ChannelGroups
{
    /// <summary>
    /// Runs until the channel completes or <paramref name="stopping"/> is cancelled. <paramref name="process"/>
    /// owns its failures (it completes or fails the group's callers); the list is reused between groups.
    /// </summary>
    public static async Task ConsumeInGroupsAsync<T>(this ChannelReader<T> reader, int maxGroupSize, Func<List<T>, Task> process,
        CancellationToken stopping)
    {
        var group = new List<T>(Math.Min(maxGroupSize, 1_024));
        try
        {
            while (await reader.WaitToReadAsync(stopping))
            {
                group.Clear();
                while (group.Count < maxGroupSize && reader.TryRead(out var item))
                {
                    group.Add(item);
                }

                await process(group);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
