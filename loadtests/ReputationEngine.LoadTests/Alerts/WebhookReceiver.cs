using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ReputationEngine.LoadTests.Engine;

namespace ReputationEngine.LoadTests.Alerts;

/// <summary>
/// A webhook endpoint on 127.0.0.1 (DESIGN §4.5) that records each delivered alert. Registered with the engine
/// for the run's topics; when the engine has no webhooks API yet, the channel stays unavailable.
/// </summary>
public sealed class WebhookReceiver(AlertCollector collector) : IAsyncDisposable
{
    public const string HookPath = "/hook";
    private const int SecretBytes = 32;

    private WebApplication? _app;

    public string Secret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(SecretBytes));

    public async Task<Uri> StartAsync(CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost(HookPath, async (HttpRequest request) =>
        {
            using var json = await JsonDocument.ParseAsync(request.Body);
            var root = json.RootElement;
            // Deliveries may wrap the alert ({"event":…,"alert":{…}}) or be the alert itself.
            collector.Add(AlertChannels.Webhook, root.TryGetProperty("alert", out var inner) ? inner : root);
            return Results.Ok();
        });
        await _app.StartAsync(cancellationToken);
        return new Uri($"http://127.0.0.1:{port}{HookPath}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
