using ReputationEngine.Analytics.Crm;

namespace ReputationEngine.Analytics.Tests.Crm;

public sealed class InfluenceModelTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compute_SameFollowers_EngagementRaisesInfluence()
    {
        var silent = InfluenceModel.Compute(new InfluenceInputs(1_000, 0, 0, 0, Now), Now);
        var shared = InfluenceModel.Compute(new InfluenceInputs(1_000, 500, 200, 2_000_000, Now), Now);

        Assert.True(shared.Value > silent.Value + 0.3, $"{shared} vs {silent}");
        Assert.InRange(shared.Value, 0, 1);
    }

    [Fact]
    public void Compute_SmallAccountWhosePostsTravel_OutranksBigSilentAccount()
    {
        var bigSilent = InfluenceModel.Compute(new InfluenceInputs(50_000, 0, 0, 0, Now), Now);
        var smallViral = InfluenceModel.Compute(new InfluenceInputs(800, 5_000, 1_000, 20_000_000, Now), Now);

        Assert.True(smallViral.Value > bigSilent.Value);
    }

    [Fact]
    public void Compute_InactiveForOneHalfLife_KeepsThreeQuarters()
    {
        var inputs = new InfluenceInputs(100_000, 100, 10, 100_000, Now.AddDays(-InfluenceModel.RecencyHalfLifeDays));
        var active = InfluenceModel.Compute(inputs with { LastActiveAt = Now }, Now);
        var dormant = InfluenceModel.Compute(inputs, Now);

        Assert.Equal(0.75, dormant.Recency, 6);
        Assert.Equal(active.Value * 0.75, dormant.Value, 6);
    }

    [Fact]
    public void Compute_Saturated_IsOne()
    {
        var score = InfluenceModel.Compute(new InfluenceInputs(10_000_000, 1_000_000, 1_000_000, 1_000_000_000, Now), Now);
        Assert.Equal(1.0, score.Value, 6);
    }

    [Fact]
    public void Compute_Nothing_IsZero()
    {
        Assert.Equal(0, InfluenceModel.Compute(new InfluenceInputs(0, 0, 0, 0, null), Now).Value);
    }
}
