namespace ReputationEngine.LoadTests.Engine;

/// <summary>An engine started by the harness on a temporary data dir; disposing stops it and deletes the data.</summary>
public sealed class InProcessEngine : IAsyncDisposable
{
    private readonly EngineHostFactory _factory;

    private InProcessEngine(EngineHostFactory factory, string dataDir)
    {
        _factory = factory;
        DataDir = dataDir;
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{_factory.Port}/");

    public string DataDir { get; }

    /// <summary>WebApplicationFactory reads the server's content root from this variable before guessing from the solution.</summary>
    public const string ContentRootVariable = "ASPNETCORE_TEST_CONTENTROOT_REPUTATIONENGINE_SERVER";

    private static readonly string ServerProjectDir = Path.Combine("src", "ReputationEngine.Server");

    public static InProcessEngine Start(string? apiKey)
    {
        Environment.SetEnvironmentVariable(ContentRootVariable, ServerContentRoot());
        var dataDir = Path.Combine(Path.GetTempPath(), "reputation-loadtest", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        var factory = new EngineHostFactory(dataDir, FreePort.Next(), apiKey);
        factory.StartServer();
        return new InProcessEngine(factory, dataDir);
    }

    /// <summary>The server project folder in a source checkout (static files, settings), else the harness's own folder.</summary>
    private static string ServerContentRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ServerProjectDir);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return AppContext.BaseDirectory;
    }

    /// <summary>How long a stop may take; beyond it the run ends anyway (the log keeps whatever was not applied).</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _factory.DisposeAsync().AsTask().WaitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
            await Console.Error.WriteLineAsync($"The in-process engine did not stop within {StopTimeout}; exiting anyway.");
            return;
        }

        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finalizing connection; the temp folder is cleaned by the OS.
        }
    }
}
