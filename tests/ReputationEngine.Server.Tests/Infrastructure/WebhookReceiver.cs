using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ReputationEngine.Server.Tests.Infrastructure;

/// <summary>
/// A real webhook receiver: Kestrel on a free loopback port. It verifies each request's signature the way the
/// README tells receivers to, can fail its first requests, hang, or be down (not listening) for a while.
/// </summary>
public sealed class WebhookReceiver(string secret) : IAsyncDisposable
{
    public const string Path = "/hook";

    private readonly ConcurrentQueue<ReceivedDelivery> _received = new();
    private readonly CancellationTokenSource _hangs = new();
    private WebApplication? _app;
    private int _requests;

    public int Port { get; } = FreePorts.Next();

    public string Url => $"http://127.0.0.1:{Port}{Path}";

    public string Secret { get; } = secret;

    /// <summary>Requests answered 500 before the receiver starts accepting.</summary>
    public int FailFirst { get; set; }

    /// <summary>Answer 500 to everything (until set back).</summary>
    public bool Failing { get; set; }

    /// <summary>Never answer (until disposed).</summary>
    public bool Hang { get; set; }

    /// <summary>Reject signatures older than this (null: do not check the age, e.g. under fake time).</summary>
    public TimeSpan? Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    public IReadOnlyList<ReceivedDelivery> Received => [.. _received];

    public IReadOnlyList<ReceivedDelivery> Accepted => [.. _received.Where(r => r.Status == StatusCodes.Status200OK)];

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, Port));
        _app = builder.Build();
        _app.MapPost(Path, HandleAsync);
        await _app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public async Task<IReadOnlyList<ReceivedDelivery>> WaitForAsync(Func<IReadOnlyList<ReceivedDelivery>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!done(Received))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Receiver on {Port} got {Received.Count} requests: {string.Join(", ", Received.Select(r => $"{r.Event}/{r.Status}"))}");
            }

            await Task.Delay(20);
        }

        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        await _hangs.CancelAsync();
        await StopAsync();
        _hangs.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var headers = context.Request.Headers;
        var signatureValid = Verify(headers["X-Reputation-Signature"].ToString(), body);
        var number = Interlocked.Increment(ref _requests);
        if (Hang)
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(_hangs.Token, context.RequestAborted);
            await Task.Delay(Timeout.Infinite, both.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        var status = !signatureValid ? StatusCodes.Status401Unauthorized
            : Failing || number <= FailFirst ? StatusCodes.Status500InternalServerError
            : StatusCodes.Status200OK;
        _received.Enqueue(new ReceivedDelivery(
            headers["X-Reputation-Delivery"].ToString(), headers["X-Reputation-Event"].ToString(), Encoding.UTF8.GetString(body), signatureValid, status, arrived));
        context.Response.StatusCode = status;
    }

    /// <summary>The README's receiver check: HMAC-SHA256 over "&lt;t&gt;.&lt;body&gt;", constant-time compare, replay tolerance.</summary>
    private bool Verify(string header, byte[] body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !long.TryParse(t, out var seconds) || !parts.TryGetValue("v1", out var v1))
        {
            return false;
        }

        if (Tolerance is { } tolerance && Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
        {
            return false;
        }

        byte[] signed = [.. Encoding.UTF8.GetBytes(t + "."), .. body];
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed);
        return v1.Length == expected.Length * 2 && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(v1), expected);
    }
}
