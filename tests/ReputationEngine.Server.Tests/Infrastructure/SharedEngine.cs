namespace ReputationEngine.Server.Tests.Infrastructure;

/// <summary>One real engine shared by the tests of a class (each test uses its own topics and ids).</summary>
public sealed class SharedEngine : IAsyncLifetime
{
    public EngineFactory Factory { get; } = new(EngineFactory.NewDataDir());

    public HttpClient Client { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Client = Factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
