using System.Net.Http.Json;
using System.Text.Json;
using ReputationEngine.Server.Tests.Infrastructure;

namespace ReputationEngine.Server.Tests.Webhooks;

public sealed class WebhookDeliveryTests
{
    [Fact]
    public async Task Delivery_ReceiverFailsFirstAttempts_RetriedWithStableIdAndValidSignature()
    {
        await using var receiver = new WebhookReceiver(WebhookTestKit.Secret) { FailFirst = 2 };
        await receiver.StartAsync();
        await using var engine = new EngineFactory(EngineFactory.NewDataDir(), WebhookTestKit.Settings());
        var client = engine.CreateClient();
        var hookId = await client.RegisterAsync(receiver.Url, topics: ["retry"]);

        var alert = await WebhookTestKit.RaiseAsync(engine.Services, "retry");
        await WebhookTestKit.RaiseAsync(engine.Services, "other");

        var received = await receiver.WaitForAsync(r => r.Any(d => d.Status == 200));
        Assert.Equal(3, received.Count);
        Assert.All(received, r => Assert.True(r.SignatureValid));
        Assert.Single(received.Select(r => r.DeliveryId).Distinct());
        Assert.All(received, r => Assert.Equal("alert.opened", r.Event));
        var body = JsonDocument.Parse(received[^1].Body).RootElement;
        Assert.Equal("alert", body.GetProperty("type").GetString());
        Assert.Equal(alert.Id, body.GetProperty("id").GetString());
        Assert.Equal("volumeSpike", body.GetProperty("kind").GetString());

        var delivered = await WaitForDeliveryAsync(client, hookId, "delivered");
        Assert.Equal(received[0].DeliveryId, delivered.GetProperty("id").GetString());
        Assert.Equal(3, delivered.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Delivery_ReceiverDownAcrossRestart_DeliveredOnceAfterRestart()
    {
        var dataDir = EngineFactory.NewDataDir();
        await using var receiver = new WebhookReceiver(WebhookTestKit.Secret);
        string hookId;
        string alertId;
        // Enough attempts that the row is still pending when the receiver comes back after the restart.
        var settings = WebhookTestKit.Settings(("Webhooks:MaxAttempts", "1000"));
        await using (var first = new EngineFactory(dataDir, settings))
        {
            var client = first.CreateClient();
            hookId = await client.RegisterAsync(receiver.Url);
            alertId = (await WebhookTestKit.RaiseAsync(first.Services, "restart")).Id;
            // The receiver is not listening: wait until the engine has tried (and failed) at least once.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await PendingAsync(client, hookId)).All(d => d.GetProperty("attempts").GetInt32() == 0))
            {
                Assert.True(DateTime.UtcNow < deadline, "no attempt was made");
                await Task.Delay(20);
            }
        }

        await using var second = new EngineFactory(dataDir, settings);
        var restarted = second.CreateClient();
        await receiver.StartAsync();

        var received = await receiver.WaitForAsync(r => r.Count >= 1);
        var delivered = await WaitForDeliveryAsync(restarted, hookId, "delivered");
        Assert.Single(received);
        Assert.Equal(delivered.GetProperty("id").GetString(), received[0].DeliveryId);
        Assert.Equal(alertId, JsonDocument.Parse(received[0].Body).RootElement.GetProperty("id").GetString());
        Assert.True(delivered.GetProperty("attempts").GetInt32() >= 2);
    }

    [Fact]
    public async Task Delivery_ReceiverHangs_OtherReceiverStillServed()
    {
        await using var hanging = new WebhookReceiver(WebhookTestKit.Secret) { Hang = true };
        await using var healthy = new WebhookReceiver(WebhookTestKit.Secret);
        await hanging.StartAsync();
        await healthy.StartAsync();
        await using var engine = new EngineFactory(EngineFactory.NewDataDir(), WebhookTestKit.Settings(("Webhooks:AttemptTimeout", "00:05:00")));
        var client = engine.CreateClient();
        await client.RegisterAsync(hanging.Url);
        await client.RegisterAsync(healthy.Url);

        // More changes than the hanging endpoint has concurrency slots: its backlog must not hold anyone else up.
        for (var i = 0; i < 6; i++)
        {
            await WebhookTestKit.RaiseAsync(engine.Services, $"hang{i}");
        }

        var received = await healthy.WaitForAsync(r => r.Count(d => d.Status == 200) >= 6);
        Assert.Equal(6, received.Select(r => r.DeliveryId).Distinct().Count());
        Assert.Empty(hanging.Received);
    }

    [Fact]
    public async Task Delivery_AttemptsExhausted_DeadLetteredThenRedelivered()
    {
        await using var receiver = new WebhookReceiver(WebhookTestKit.Secret) { Failing = true };
        await receiver.StartAsync();
        await using var engine = new EngineFactory(EngineFactory.NewDataDir(), WebhookTestKit.Settings(("Webhooks:MaxAttempts", "2")));
        var client = engine.CreateClient();
        var hookId = await client.RegisterAsync(receiver.Url);
        await WebhookTestKit.RaiseAsync(engine.Services, "dead");

        var failed = await WaitForDeliveryAsync(client, hookId, "failed");
        Assert.Equal(2, failed.GetProperty("attempts").GetInt32());
        Assert.Contains("500", failed.GetProperty("lastError").GetString());
        var deliveryId = failed.GetProperty("id").GetString()!;

        receiver.Failing = false;
        var redeliver = await client.PostAsync($"/api/webhooks/{hookId}/deliveries/{deliveryId}/redeliver", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, redeliver.StatusCode);
        var received = await receiver.WaitForAsync(r => r.Any(d => d.Status == 200));
        Assert.Equal(deliveryId, received.Single(d => d.Status == 200).DeliveryId);
        await WaitForDeliveryAsync(client, hookId, "delivered");
        Assert.Empty((await (await client.GetAsync($"/api/webhooks/{hookId}/deliveries?state=failed")).JsonAsync()).EnumerateArray());
        var missing = await client.PostAsync($"/api/webhooks/{hookId}/deliveries/dlv_nope/redeliver", null);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Delivery_AddressNoLongerAllowed_RefusedAtConnectTime()
    {
        var dataDir = EngineFactory.NewDataDir();
        await using var receiver = new WebhookReceiver(WebhookTestKit.Secret);
        await receiver.StartAsync();
        string hookId;
        await using (var permissive = new EngineFactory(dataDir, WebhookTestKit.Settings()))
        {
            hookId = await permissive.CreateClient().RegisterAsync(receiver.Url);
        }

        // Same webhook, but loopback is no longer allowed (as when DNS re-points a name to a private address).
        var strict = WebhookTestKit.Settings(("Webhooks:MaxAttempts", "1"));
        strict.Remove("Webhooks:AllowedNetworks:0");
        await using var engine = new EngineFactory(dataDir, strict);
        var client = engine.CreateClient();
        await WebhookTestKit.RaiseAsync(engine.Services, "ssrf");

        var failed = await WaitForDeliveryAsync(client, hookId, "failed");
        Assert.Contains("refused", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }

    private static async Task<JsonElement[]> PendingAsync(HttpClient client, string hookId) =>
        [.. (await (await client.GetAsync($"/api/webhooks/{hookId}/deliveries?state=pending")).JsonAsync()).EnumerateArray()];

    private static async Task<JsonElement> WaitForDeliveryAsync(HttpClient client, string hookId, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var rows = (await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/{hookId}/deliveries?state={state}")).EnumerateArray().ToArray();
            if (rows.Length > 0)
            {
                return rows[0];
            }

            Assert.True(DateTime.UtcNow < deadline, $"no {state} delivery");
            await Task.Delay(20);
        }
    }
}
