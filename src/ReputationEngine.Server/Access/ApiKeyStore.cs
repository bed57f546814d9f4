using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ReputationEngine.Server.Storage;

namespace ReputationEngine.Server.Access;

/// <summary>
/// API keys in the engine's database. Keys are stored as HMAC-SHA256(server secret, key): the secret lives in
/// the same database (one per deployment, shared by every silo), so a copy of the key table alone is useless
/// and a lookup costs one hash, not a slow KDF per request. Comparison is constant-time.
/// </summary>
public sealed class ApiKeyStore(IEngineDatabase database, IOptions<AccessOptions> options, TimeProvider time, IConfiguration configuration)
{
    public const string EnvironmentKeyId = "env";
    private const string SecretName = "api-key-hmac";
    private const int ServerSecretBytes = 32;

    private readonly ConcurrentDictionary<string, (ApiKey Key, byte[] Hash, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);
    private byte[]? _secret;
    private byte[]? _environmentKeyHash;

    public AccessOptions Options => options.Value;

    /// <summary>The admin key from <c>REPUTATION_ADMIN_KEY</c>, when set (not stored; it lives in the environment).</summary>
    public ApiKey? EnvironmentKey { get; private set; }

    /// <summary>Loads (or creates) the server secret and reads <c>REPUTATION_ADMIN_KEY</c>. Called once at start.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var insert = connection.Command(
            "INSERT INTO server_secret (name, value, created_at) VALUES (@name, @value, @now) ON CONFLICT (name) DO NOTHING"))
        {
            insert.Parameter("name", SecretName);
            insert.Parameter("value", RandomNumberGenerator.GetBytes(ServerSecretBytes));
            insert.Parameter("now", time.GetUtcNow().ToUnixTimeSeconds());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var select = connection.Command("SELECT value FROM server_secret WHERE name = @name"))
        {
            select.Parameter("name", SecretName);
            _secret = (byte[])(await select.ExecuteScalarAsync(cancellationToken))!;
        }

        if (configuration[AccessOptions.AdminKeyVariable] is { Length: > 0 } environmentKey)
        {
            if (environmentKey.Length is < ApiKeyFormat.MinAdminKeyLength or > ApiKeyFormat.MaxPresentedLength)
            {
                throw new InvalidOperationException(
                    $"{AccessOptions.AdminKeyVariable} must be {ApiKeyFormat.MinAdminKeyLength}-{ApiKeyFormat.MaxPresentedLength} characters.");
            }

            _environmentKeyHash = Hash(environmentKey);
            EnvironmentKey = new ApiKey(EnvironmentKeyId, AccessOptions.AdminKeyVariable, [Scopes.Admin], options.Value.AdminRatePerSecond, time.GetUtcNow());
        }
    }

    /// <summary>The key that <paramref name="presented"/> is, or null when it is unknown or revoked.</summary>
    public async Task<ApiKey?> VerifyAsync(string presented, CancellationToken cancellationToken)
    {
        if (presented.Length > ApiKeyFormat.MaxPresentedLength)
        {
            return null;
        }

        var hash = Hash(presented);
        if (ApiKeyFormat.IdOf(presented) is { } id)
        {
            var stored = await FindAsync(id, cancellationToken);
            if (stored is not null && CryptographicOperations.FixedTimeEquals(hash, stored.Value.Hash))
            {
                return stored.Value.Key;
            }
        }

        return _environmentKeyHash is not null && CryptographicOperations.FixedTimeEquals(hash, _environmentKeyHash) ? EnvironmentKey : null;
    }

    /// <summary>Creates a key; the returned key string exists nowhere else afterwards.</summary>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string name, IReadOnlyList<string> scopes, int ratePerSecond, CancellationToken cancellationToken)
    {
        var (id, key) = ApiKeyFormat.Generate();
        var record = new ApiKey(id, name, scopes, ratePerSecond, time.GetUtcNow());
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var insert = connection.Command("""
            INSERT INTO api_key (id, name, scopes, rate_per_second, hash, created_at)
            VALUES (@id, @name, @scopes, @rate, @hash, @created)
            """);
        insert.Parameter("id", id);
        insert.Parameter("name", name);
        insert.Parameter("scopes", string.Join(' ', scopes));
        insert.Parameter("rate", ratePerSecond);
        insert.Parameter("hash", Hash(key));
        insert.Parameter("created", record.CreatedAt.ToUnixTimeSeconds());
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return (record, key);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        var keys = new List<ApiKey>();
        if (EnvironmentKey is not null)
        {
            keys.Add(EnvironmentKey);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.Command("SELECT id, name, scopes, rate_per_second, hash, created_at FROM api_key ORDER BY created_at, id");
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(Read(reader).Key);
        }

        return keys;
    }

    /// <summary>True when any admin key is stored (the first start creates one when none is).</summary>
    public async Task<bool> AnyAdminAsync(CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Any(k => k.Id != EnvironmentKeyId && k.Scopes.Contains(Scopes.Admin));

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var delete = connection.Command("DELETE FROM api_key WHERE id = @id");
        delete.Parameter("id", id);
        var deleted = await delete.ExecuteNonQueryAsync(cancellationToken) > 0;
        _cache.TryRemove(id, out _);
        return deleted;
    }

    private async Task<(ApiKey Key, byte[] Hash)?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(id, out var cached) && cached.Until > now)
        {
            return (cached.Key, cached.Hash);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.Command("SELECT id, name, scopes, rate_per_second, hash, created_at FROM api_key WHERE id = @id");
        select.Parameter("id", id);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            // Misses are not cached: random ids must not grow memory.
            _cache.TryRemove(id, out _);
            return null;
        }

        var found = Read(reader);
        _cache[id] = (found.Key, found.Hash, now + options.Value.KeyCacheDuration);
        return found;
    }

    private static (ApiKey Key, byte[] Hash) Read(DbDataReader reader) => (
        new ApiKey(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2).Split(' ', StringSplitOptions.RemoveEmptyEntries),
            reader.GetInt32(3),
            DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(5))),
        (byte[])reader.GetValue(4));

    private byte[] Hash(string key) =>
        HMACSHA256.HashData(_secret ?? throw new InvalidOperationException("ApiKeyStore is not initialized."), Encoding.UTF8.GetBytes(key));
}
