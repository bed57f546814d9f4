using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Server.Tests.Infrastructure;

namespace ReputationEngine.Server.Tests;

public sealed class AlertsApiTests : IAsyncLifetime
{
    private readonly EngineFactory _engine = new(EngineFactory.NewDataDir());
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _engine.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _engine.DisposeAsync();

    private async Task<string> RaiseAsync(string topic, AlertKind kind)
    {
        await _client.PutTopicAsync(topic, new { name = topic });
        var grains = _engine.Services.GetRequiredService<IGrainFactory>();
        var now = DateTimeOffset.UtcNow;
        var evidence = new AlertEvidence { Terms = ["outage"], Samples = [new AlertSample("m1", "<b>down</b>")] };
        var alert = await grains.GetGrain<IBrandTopicGrain>(topic).RaiseAlertAsync(kind, 6, new AlertWindow(now.AddMinutes(-1), now), 50, 5, evidence);
        return alert.Id;
    }

    [Fact]
    public async Task Alert_Lifecycle_ListAcknowledgeAssignResolve()
    {
        var id = await RaiseAsync("life", AlertKind.VolumeSpike);

        var open = await (await _client.GetAsync("/api/alerts?state=open")).JsonAsync();
        var listed = open.EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);
        Assert.Equal("alert", listed.GetProperty("type").GetString());
        Assert.Equal("volumeSpike", listed.GetProperty("kind").GetString());
        Assert.Equal("outage", listed.GetProperty("evidence").GetProperty("terms")[0].GetString());
        var snapshot = await (await _client.GetAsync("/api/topics/life/snapshot")).JsonAsync();
        Assert.Equal(1, snapshot.GetProperty("openAlerts").GetInt32());

        var acknowledged = await (await _client.PostAsync($"/api/alerts/{id}/acknowledge", null)).JsonAsync();
        Assert.Equal("acknowledged", acknowledged.GetProperty("state").GetString());
        var assignResponse = await _client.PostAsJsonAsync($"/api/alerts/{id}/assign", new { assignee = "sam" });
        var assigned = await assignResponse.JsonAsync();
        Assert.True(assignResponse.IsSuccessStatusCode, assigned.ToString());
        Assert.Equal("sam", assigned.GetProperty("assignee").GetString());
        var resolved = await (await _client.PostAsync($"/api/alerts/{id}/resolve", null)).JsonAsync();
        Assert.Equal("resolved", resolved.GetProperty("state").GetString());

        var again = await _client.PostAsync($"/api/alerts/{id}/resolve", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var stored = await (await _client.GetAsync($"/api/alerts/{id}")).JsonAsync();
        Assert.Equal("resolved", stored.GetProperty("state").GetString());
        Assert.Empty((await (await _client.GetAsync("/api/alerts?state=open&topic=life")).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Alert_UnknownOrInvalid_GivesProblems()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/api/alerts/nope~volumeSpike~1/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/api/alerts/garbage/resolve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/alerts?state=exploded")).StatusCode);
        var id = await RaiseAsync("invalid", AlertKind.NegativeSpike);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsJsonAsync($"/api/alerts/{id}/assign", new { assignee = "" })).StatusCode);
    }
}
