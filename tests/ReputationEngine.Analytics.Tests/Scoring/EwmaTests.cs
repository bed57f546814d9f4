using ReputationEngine.Analytics.Scoring;

namespace ReputationEngine.Analytics.Tests.Scoring;

public sealed class EwmaTests
{
    [Fact]
    public void Update_FirstValue_IsTakenAsIs()
    {
        Assert.Equal(-0.8, Ewma.Update(0, 0, -0.8));
    }

    [Fact]
    public void Update_NextValue_MovesByAlpha()
    {
        Assert.Equal(0.5 + (0.2 * (1.0 - 0.5)), Ewma.Update(0.5, 3, 1.0), 12);
    }

    [Fact]
    public void Update_ManyEqualValues_ConvergesToThem()
    {
        var average = 1.0;
        for (var i = 1; i < 60; i++)
        {
            average = Ewma.Update(average, i, -1.0);
        }

        Assert.InRange(average, -1.0, -0.99);
    }
}
