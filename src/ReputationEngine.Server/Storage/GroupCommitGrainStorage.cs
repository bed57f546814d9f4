using System.Buffers;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Orleans.Serialization;
using Orleans.Storage;

namespace ReputationEngine.Server.Storage;

/// <summary>
/// Orleans grain storage that group-commits: every state write queued while the previous commit ran is written
/// in one transaction (one fsync), and activations' reads are answered by one query per group. The ADO.NET provider
/// writes each grain in its own transaction; with a customer and a conversation grain per mention that is tens of
/// thousands of commits per second, and on SQLite a fight for its single write lock (docs/benchmarks.md).
/// Semantics stay Orleans': a write completes only once durable, and a stale ETag fails that grain's write alone
/// (<see cref="InconsistentStateException"/>). Table <c>grain_state</c> (deploy/sql/&lt;provider&gt;/*-grain-state.sql).
/// </summary>
public sealed class GroupCommitGrainStorage : IGrainStorage, IDisposable
{
    /// <summary>Grain states written in one transaction at most.</summary>
    public const int MaxWritesPerCommit = 4_096;

    /// <summary>Grain ids looked up by one query at most.</summary>
    public const int MaxReadsPerQuery = 500;

    /// <summary>A thread's serialization buffer is kept for the next write up to this size (larger ones go back to the GC).</summary>
    public const int MaxRetainedBufferBytes = 256 * 1024;

    // Serializing into a fresh growing buffer left ~2× each state's size as garbage on every write (13 % of all
    // allocations under load, much of it on the large-object heap); the payload copy is the only allocation now.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private readonly IEngineDatabase _database;
    private readonly Serializer _serializer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<WriteRequest> _writes = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<ReadRequest> _reads = Channel.CreateUnbounded<ReadRequest>(new UnboundedChannelOptions { SingleReader = true });
    // Writes queued or in flight per grain. A new activation's read waits for them: when a deactivation times out under
    // load, Orleans activates the grain again while the old activation's last write is still queued, and a read that
    // overtook it would start from stale state (and every write after it would fail its version check).
    private readonly ConcurrentDictionary<(string StateName, string GrainId), Task> _pendingWrites = new();
    private int _disposed;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writer;
    private readonly Task _reader;

    public GroupCommitGrainStorage(IEngineDatabase database, Serializer serializer, TimeProvider time, ILogger<GroupCommitGrainStorage> logger)
    {
        _database = database;
        _serializer = serializer;
        _time = time;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
        _reader = Task.Run(ReadLoopAsync);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var request = new ReadRequest(stateName, grainId.ToString());
        if (_pendingWrites.TryGetValue((request.StateName, request.GrainId), out var pending))
        {
            // Its outcome is the writer's business; the read only has to come after it.
            await pending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await _reads.Writer.WriteAsync(request);
        var (payload, version) = await request.Completion.Task;
        if (payload is null)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = _serializer.Deserialize<T>(payload);
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        // Serialized now: the write stores the state as it is at the call, whatever the grain does while it waits.
        var payload = Serialize(grainState.State);
        var request = new WriteRequest(stateName, grainId.ToString(), payload, new GrainStateVersion<T>(grainState));
        await QueueAndWaitAsync(request);
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var request = new WriteRequest(stateName, grainId.ToString(), null, new GrainStateVersion<T>(grainState));
        await QueueAndWaitAsync(request);
        grainState.State = Activator.CreateInstance<T>();
    }

    private async Task QueueAndWaitAsync(WriteRequest request)
    {
        var key = (request.StateName, request.GrainId);
        var written = request.Completion.Task;
        _pendingWrites[key] = written;
        try
        {
            await _writes.Writer.WriteAsync(request);
            await written;
        }
        finally
        {
            // Only its own entry: a later write of the same grain may have replaced it.
            _pendingWrites.TryRemove(KeyValuePair.Create(key, (Task)written));
        }
    }

    /// <summary>The same bytes as Orleans' own <c>OrleansGrainStorageSerializer</c> writes.</summary>
    private byte[] Serialize<T>(T state)
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(4096);
        t_buffer = null;
        buffer.ResetWrittenCount();
        _serializer.Serialize(state, buffer);
        var payload = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity <= MaxRetainedBufferBytes)
        {
            t_buffer = buffer;
        }

        return payload;
    }

    private Task WriteLoopAsync() => _writes.Reader.ConsumeInGroupsAsync(MaxWritesPerCommit, CommitAsync, _stopping.Token);

    private async Task CommitAsync(List<WriteRequest> group)
    {
        // A grain queued twice in one group (a flush while its previous write waited) is written once, with its latest
        // state. Writes of one grain id by different writers (an activation, and the ingest writing a new post's
        // conversation without one) are all executed in order, so the version check fails the later one as it would
        // in separate groups.
        var toWrite = new List<WriteRequest>(group.Count);
        var latest = new Dictionary<(string, string), int>(group.Count);
        foreach (var request in group)
        {
            var key = (request.StateName, request.GrainId);
            if (latest.TryGetValue(key, out var index) && toWrite[index].Version.IsSameStateAs(request.Version))
            {
                request.Covers = toWrite[index];
                toWrite[index] = request;
            }
            else
            {
                latest[key] = toWrite.Count;
                toWrite.Add(request);
            }
        }

        var outcomes = new Dictionary<WriteRequest, long?>(toWrite.Count);
        try
        {
            await using var connection = await _database.OpenForWriteAsync(_stopping.Token);
            await using var transaction = await connection.BeginTransactionAsync(_stopping.Token);
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            if (connection.CanCreateBatch)
            {
                await WriteBatchedAsync(connection, transaction, toWrite, now, outcomes);
            }
            else
            {
                await WriteOneByOneAsync(connection, transaction, toWrite, now, outcomes);
            }

            await transaction.CommitAsync(_stopping.Token);
        }
        catch (Exception ex)
        {
            if (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "Writing {Count} grain states failed", toWrite.Count);
            }

            foreach (var request in group)
            {
                request.Completion.TrySetException(new OrleansException("Grain state could not be written.", ex));
            }

            return;
        }

        foreach (var (request, version) in outcomes)
        {
            for (var covered = request; covered is not null; covered = covered.Covers)
            {
                Complete(covered, version);
            }
        }
    }

    private static void Complete(WriteRequest request, long? newVersion)
    {
        if (newVersion is null)
        {
            request.Completion.TrySetException(new InconsistentStateException(
                $"Version conflict writing {request.StateName} of {request.GrainId}: another activation wrote it first.",
                storedEtag: "unknown",
                currentEtag: request.Version.ETag ?? "none"));
            return;
        }

        if (request.Payload is null)
        {
            request.Version.Set(null, recordExists: false);
        }
        else
        {
            request.Version.Set(newVersion.Value.ToString(CultureInfo.InvariantCulture), recordExists: true);
        }

        request.Completion.TrySetResult();
    }

    private static async Task WriteOneByOneAsync(DbConnection connection, DbTransaction transaction, IEnumerable<WriteRequest> requests, long now,
        Dictionary<WriteRequest, long?> outcomes)
    {
        await using var insert = connection.Command(GrainStateSql.Insert, transaction);
        await using var update = connection.Command(GrainStateSql.Update, transaction);
        await using var delete = connection.Command(GrainStateSql.Delete, transaction);
        foreach (var request in requests)
        {
            var (command, newVersion) = Bind(request, insert, update, delete, now);
            outcomes[request] = await command.ExecuteNonQueryAsync() == 1 || request.Payload is null ? newVersion : null;
        }
    }

    private static async Task WriteBatchedAsync(DbConnection connection, DbTransaction transaction, IEnumerable<WriteRequest> requests, long now,
        Dictionary<WriteRequest, long?> outcomes)
    {
        // One round trip for the whole group on PostgreSQL.
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        var order = new List<(WriteRequest Request, long NewVersion)>();
        foreach (var request in requests)
        {
            var newVersion = NextVersion(request);
            var command = batch.CreateBatchCommand();
            command.CommandText = request.Payload is null ? GrainStateSql.Delete : request.Version.ETag is null ? GrainStateSql.Insert : GrainStateSql.Update;
            Bind(request, newVersion, now, (name, value) => AddParameter(command, name, value));
            batch.BatchCommands.Add(command);
            order.Add((request, newVersion));
        }

        await batch.ExecuteNonQueryAsync();
        for (var i = 0; i < order.Count; i++)
        {
            var ok = batch.BatchCommands[i].RecordsAffected == 1 || order[i].Request.Payload is null;
            outcomes[order[i].Request] = ok ? order[i].NewVersion : null;
        }
    }

    private static (DbCommand Command, long NewVersion) Bind(WriteRequest request, DbCommand insert, DbCommand update, DbCommand delete, long now)
    {
        var newVersion = NextVersion(request);
        var command = request.Payload is null ? delete : request.Version.ETag is null ? insert : update;
        command.Parameters.Clear();
        Bind(request, newVersion, now, (name, value) => command.Parameter(name, value));
        return (command, newVersion);
    }

    /// <summary>
    /// Only the parameters the request's statement names: an unused one costs Microsoft.Data.Sqlite a failed lookup
    /// under every prefix on each execution (the insert, most writes, has no <c>@expected</c>).
    /// </summary>
    private static void Bind(WriteRequest request, long newVersion, long now, Action<string, object> add)
    {
        add("name", request.StateName);
        add("id", request.GrainId);
        if (request.Payload is null)
        {
            return;
        }

        add("version", newVersion);
        add("payload", request.Payload);
        add("now", now);
        if (request.Version.ETag is not null)
        {
            add("expected", newVersion - 1);
        }
    }

    /// <summary>The version after this write; the grain's current ETag is read here, after earlier groups updated it.</summary>
    private static long NextVersion(WriteRequest request) =>
        request.Version.ETag is { } etag ? long.Parse(etag, CultureInfo.InvariantCulture) + 1 : 1;

    private static void AddParameter(DbBatchCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = DbCommandExtensions.AsWritten(name);
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private Task ReadLoopAsync() => _reads.Reader.ConsumeInGroupsAsync(MaxReadsPerQuery, ReadGroupOrFailAsync, _stopping.Token);

    private async Task ReadGroupOrFailAsync(List<ReadRequest> group)
    {
        try
        {
            await ReadGroupAsync(group);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Reading {Count} grain states failed", group.Count);
            foreach (var request in group)
            {
                request.Completion.TrySetException(new OrleansException("Grain state could not be read.", ex));
            }
        }
    }

    private async Task ReadGroupAsync(List<ReadRequest> group)
    {
        await using var connection = await _database.OpenAsync(_stopping.Token);
        foreach (var byName in group.GroupBy(r => r.StateName, StringComparer.Ordinal))
        {
            var requests = byName.ToList();
            var ids = requests.Select(r => r.GrainId).Distinct(StringComparer.Ordinal).ToArray();
            await using var command = connection.Command(GrainStateSql.Select(_database.Provider));
            command.Parameter("name", byName.Key);
            command.Parameter("ids", _database.Provider == StorageProvider.Postgres ? ids : JsonSerializer.Serialize(ids, GrainIdsJson.Default.StringArray));

            var found = new Dictionary<string, (byte[] Payload, long Version)>(ids.Length, StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync(_stopping.Token))
            {
                while (await reader.ReadAsync(_stopping.Token))
                {
                    found[reader.GetString(0)] = ((byte[])reader.GetValue(2), reader.GetInt64(1));
                }
            }

            foreach (var request in requests)
            {
                request.Completion.TrySetResult(found.TryGetValue(request.GrainId, out var row) ? (row.Payload, row.Version) : (null, 0));
            }
        }
    }

    public void Dispose()
    {
        // Registered under several service types, so the container may dispose it more than once.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _writes.Writer.TryComplete();
        _reads.Writer.TryComplete();
        _stopping.Cancel();
        try
        {
            Task.WaitAll([_writer, _reader], TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Stopping: requests still queued fail with their grains, whose work the mention log replays.
        }

        _stopping.Dispose();
    }

    private sealed class ReadRequest(string stateName, string grainId)
    {
        public string StateName { get; } = stateName;

        public string GrainId { get; } = grainId;

        public TaskCompletionSource<(byte[]? Payload, long Version)> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class WriteRequest(string stateName, string grainId, byte[]? payload, IGrainStateVersion version)
    {
        public string StateName { get; } = stateName;

        public string GrainId { get; } = grainId;

        /// <summary>Null clears the state.</summary>
        public byte[]? Payload { get; } = payload;

        public IGrainStateVersion Version { get; } = version;

        /// <summary>An earlier request of the same grain in the same group that this one's write completes too.</summary>
        public WriteRequest? Covers { get; set; }

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private interface IGrainStateVersion
    {
        string? ETag { get; }

        void Set(string? etag, bool recordExists);

        /// <summary>Whether both writes come from the same writer (one activation's state), so the later may stand for both.</summary>
        bool IsSameStateAs(IGrainStateVersion other);
    }

    private sealed class GrainStateVersion<T>(IGrainState<T> state) : IGrainStateVersion
    {
        public string? ETag => state.ETag;

        public bool IsSameStateAs(IGrainStateVersion other) => other is GrainStateVersion<T> same && ReferenceEquals(same.State, state);

        private IGrainState<T> State => state;

        public void Set(string? etag, bool recordExists)
        {
            state.ETag = etag;
            state.RecordExists = recordExists;
        }
    }
}

/// <summary>The SQLite read's list of grain ids, as one JSON array parameter.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class GrainIdsJson : JsonSerializerContext;
