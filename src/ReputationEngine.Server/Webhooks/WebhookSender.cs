using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;

namespace ReputationEngine.Server.Webhooks;

/// <summary>
/// Makes one signed delivery attempt through the endpoint's own resilience pipeline (circuit breaker around a
/// per-attempt timeout), so a dead endpoint fails fast without touching the others. Retries are durable and
/// scheduled by the worker (<see cref="DeliveryBackoff"/>).
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, [FromKeyedServices(WebhookOptions.ClockKey)] TimeProvider time) : IDisposable
{
    public const string ClientName = "webhooks";
    public const string UserAgent = "ReputationEngine-Webhooks/1";

    private readonly WebhookOptions _options = options.Value;
    private readonly ResiliencePipelineRegistry<string> _pipelines = new();

    public void Dispose() => _pipelines.Dispose();

    /// <summary>Null when the receiver answered 2xx, else what went wrong.</summary>
    public async Task<string?> SendAsync(WebhookSubscription hook, ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var pipeline = _pipelines.GetOrAddPipeline<HttpResponseMessage>(hook.Id, Configure);
        try
        {
            using var response = await pipeline.ExecuteAsync(
                async token => await clients.CreateClient(ClientName).SendAsync(Request(hook, delivery), HttpCompletionOption.ResponseHeadersRead, token),
                cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (BrokenCircuitException)
        {
            return "circuit open: the endpoint failed repeatedly";
        }
        catch (TimeoutRejectedException)
        {
            return $"timeout after {_options.AttemptTimeout.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException ex)
        {
            return ex.Message;
        }
    }

    private HttpRequestMessage Request(WebhookSubscription hook, ClaimedDelivery delivery)
    {
        var content = new ByteArrayContent(delivery.Payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = content };
        request.Headers.UserAgent.ParseAdd(UserAgent);
        request.Headers.Add(WebhookSigner.EventHeader, delivery.Event);
        request.Headers.Add(WebhookSigner.DeliveryHeader, delivery.Id);
        // Signed per attempt: the timestamp is fresh, so receivers can reject anything older than their tolerance.
        request.Headers.Add(WebhookSigner.SignatureHeader, WebhookSigner.Sign(hook.Secret, time.GetUtcNow().ToUnixTimeSeconds(), delivery.Payload));
        return request;
    }

    private void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder)
    {
        builder.TimeProvider = time;
        builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = _options.BreakerFailureRatio,
                MinimumThroughput = _options.BreakerMinimumThroughput,
                SamplingDuration = _options.BreakerSamplingDuration,
                BreakDuration = _options.BreakerBreakDuration,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => !r.IsSuccessStatusCode),
            })
            .AddTimeout(_options.AttemptTimeout);
    }
}
