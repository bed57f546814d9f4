namespace ReputationEngine.Server.Access;

/// <summary>
/// At start: loads the key store and, when no admin key exists and <c>REPUTATION_ADMIN_KEY</c> is unset,
/// creates one. Its plain value is kept in memory only until the startup banner has printed it once.
/// </summary>
public sealed class AccessBootstrap(ApiKeyStore store) : IHostedService
{
    public const string FirstAdminKeyName = "first-start admin";

    private string? _firstStartKey;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        if (store.EnvironmentKey is null && !await store.AnyAdminAsync(cancellationToken))
        {
            var (_, key) = await store.CreateAsync(FirstAdminKeyName, [Scopes.Admin], store.Options.AdminRatePerSecond, cancellationToken);
            _firstStartKey = key;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The admin key created at this start, once; null afterwards and on every later start.</summary>
    public string? TakeFirstStartKey() => Interlocked.Exchange(ref _firstStartKey, null);
}
