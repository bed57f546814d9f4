using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace ReputationEngine.Cluster.Tests.Infrastructure;

/// <summary>
/// One engine process (`dotnet ReputationEngine.Server.dll`) with its own HTTP, silo and gateway ports on
/// loopback. Restarting keeps the ports, so the silo keeps its mention-log partition ("host:siloPort").
/// Output goes to a log file that failing tests print. Disposing kills the process.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly Dictionary<string, string> _environment;
    private readonly string _dataDir;
    private readonly string _logPath;
    private readonly string _currentDirectory;
    private Process? _process;
    private int _starts;

    public SiloProcess(string name, IReadOnlyDictionary<string, string> environment, string workDir, string? currentDirectory = null)
    {
        _currentDirectory = currentDirectory ?? Path.GetDirectoryName(TestPaths.ServerDll)!;
        Name = name;
        HttpPort = FreePorts.Next();
        SiloPort = FreePorts.Next();
        GatewayPort = FreePorts.Next();
        _dataDir = Path.Combine(workDir, name);
        _logPath = Path.Combine(workDir, $"{name}.log");
        _environment = new Dictionary<string, string>(environment)
        {
            ["Orleans__SiloPort"] = SiloPort.ToString(),
            ["Orleans__GatewayPort"] = GatewayPort.ToString(),
            ["DOTNET_gcServer"] = "0",
            ["Logging__LogLevel__Orleans"] = "Error",
            ["REPUTATION_ADMIN_KEY"] = AdminKey,
        };
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}"), Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    /// <summary>Every silo of a test cluster shares this admin key (REPUTATION_ADMIN_KEY), sent on every request.</summary>
    public const string AdminKey = "cluster-tests-admin-key-0001";

    public string Name { get; }

    public int HttpPort { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public HttpClient Client { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the process and waits until <c>/healthz</c> answers; returns how long that took.</summary>
    public async Task<TimeSpan> StartAsync()
    {
        var started = Stopwatch.StartNew();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _currentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { TestPaths.ServerDll, "--urls", $"http://127.0.0.1:{HttpPort}", "--data-dir", _dataDir })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(_logPath, append: true) { AutoFlush = true };
        await log.WriteLineAsync($"==== start #{++_starts} at {DateTimeOffset.UtcNow:O}");
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Write(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => log.Dispose();

        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} during start:\n{Log()}");
            }

            if (started.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"{Name} did not become healthy within {StartTimeout}:\n{Log()}");
            }

            try
            {
                using var health = await Client.GetAsync("/healthz");
                if (health.IsSuccessStatusCode)
                {
                    return started.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>SIGKILL: no shutdown, no final checkpoint, no grain deactivation.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// SIGTERM, as <c>docker stop</c> or Kubernetes sends it: a graceful stop. Returns the exit code, or throws when the
    /// process is still running after <paramref name="timeout"/>.
    /// </summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} was never started.");
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }

        using var waiting = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(waiting.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not stop within {timeout} of SIGTERM:\n{Log()}");
        }

        return process.ExitCode;
    }

    /// <summary>Everything the process wrote during its start number <paramref name="start"/> (1 = the first).</summary>
    public string LogOfStart(int start)
    {
        using var stream = new FileStream(_logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var text = new StreamReader(stream).ReadToEnd();
        var begin = text.IndexOf($"==== start #{start} ", StringComparison.Ordinal);
        if (begin < 0)
        {
            return "";
        }

        var end = text.IndexOf($"==== start #{start + 1} ", begin, StringComparison.Ordinal);
        return end < 0 ? text[begin..] : text[begin..end];
    }

    public async Task<JsonElement> GetJsonAsync(string path) => await Client.GetFromJsonAsync<JsonElement>(path);

    /// <summary>The process's log so far (printed when a test fails).</summary>
    public string Log()
    {
        try
        {
            using var stream = new FileStream(_logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            const int Tail = 6_000;
            return text.Length > Tail ? text[^Tail..] : text;
        }
        catch (IOException ex)
        {
            return ex.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        Client.Dispose();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
