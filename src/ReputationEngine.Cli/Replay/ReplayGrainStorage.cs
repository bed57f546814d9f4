using System.Buffers;
using System.Globalization;
using Orleans.Serialization;
using Orleans.Storage;

namespace ReputationEngine.Cli.Replay;

/// <summary>
/// Grain storage for a replay: a dictionary in the process, keyed by state name and grain id. Orleans' memory storage
/// sends every read and write as a grain call to one of its storage grains and JSON-serializes the state (Newtonsoft)
/// on the way; in a replay that was a grain call per activation and per flush. Here a read or write is a lookup under a
/// lock and an Orleans-serializer round trip — the same bytes the server's storage writes — so no grain ever shares
/// state with the store by reference. ETags as a durable store's: a per-entry version that every write must name
/// (<see cref="InconsistentStateException"/> otherwise; a first write names none). Versions count from 1, so they are
/// the same run to run.
/// </summary>
public sealed class ReplayGrainStorage(Serializer serializer) : IGrainStorage
{
    // A thread's serialization buffer is reused for its next write.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private readonly Dictionary<(string StateName, GrainId GrainId), Entry> _entries = [];
    private readonly Lock _lock = new();

    /// <summary>Entries stored (tests).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        Entry? entry;
        lock (_lock)
        {
            _entries.TryGetValue((stateName, grainId), out entry);
        }

        if (entry?.Payload is null)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        else
        {
            grainState.State = serializer.Deserialize<T>(entry.Payload);
            grainState.ETag = ETag(entry.Version);
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    /// <summary>The state last written under this name for this grain, or null (the replay's output reads it without the grain).</summary>
    public T? Stored<T>(string stateName, GrainId grainId)
        where T : class
    {
        Entry? entry;
        lock (_lock)
        {
            _entries.TryGetValue((stateName, grainId), out entry);
        }

        return entry?.Payload is null ? null : serializer.Deserialize<T>(entry.Payload);
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = Serialize(grainState.State);
        grainState.ETag = Store(stateName, grainId, grainState.ETag, payload);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        // A cleared entry keeps its version, so a writer that read before the clear still fails its check.
        grainState.ETag = Store(stateName, grainId, grainState.ETag, null);
        grainState.State = Activator.CreateInstance<T>();
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string Store(string stateName, GrainId grainId, string? etag, byte[]? payload)
    {
        lock (_lock)
        {
            var key = (stateName, grainId);
            _entries.TryGetValue(key, out var current);
            var expected = current is null ? null : ETag(current.Version);
            if (!string.Equals(expected, etag, StringComparison.Ordinal) && !(current?.Payload is null && etag is null))
            {
                throw new InconsistentStateException(
                    $"Version conflict writing {stateName} of {grainId}: stored {expected ?? "none"}, the grain read {etag ?? "none"}.", expected, etag);
            }

            var version = (current?.Version ?? 0) + 1;
            _entries[key] = new Entry(payload, version);
            return ETag(version);
        }
    }

    private byte[] Serialize<T>(T state)
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(4096);
        t_buffer = null;
        buffer.ResetWrittenCount();
        serializer.Serialize(state, buffer);
        var payload = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity <= 256 * 1024)
        {
            t_buffer = buffer;
        }

        return payload;
    }

    private static string ETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private sealed record Entry(byte[]? Payload, long Version);
}
