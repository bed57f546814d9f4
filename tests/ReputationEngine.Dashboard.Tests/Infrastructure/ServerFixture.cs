namespace ReputationEngine.Dashboard.Tests.Infrastructure;

/// <summary>One running server shared by a test class; tests keep apart by using their own topic ids.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public DashboardServer Server { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Server = DashboardServer.Start();
        Api = Server.Api();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Server.DisposeAsync();
    }
}
