using ReputationEngine.Server.Extensions;

namespace ReputationEngine.Server.Tests.Hosting;

public sealed class ContentRootTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("content-root-").FullName;
    private readonly string _app;
    private readonly string _elsewhere;

    public ContentRootTests()
    {
        _app = Directory.CreateDirectory(Path.Combine(_root, "app")).FullName;
        _elsewhere = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;
        File.WriteAllText(Path.Combine(_app, ContentRoot.SettingsFile), "{}");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void StartedFromAnotherDirectory_UsesTheAppDirectory() =>
        Assert.Equal(_app, ContentRoot.For([], _elsewhere, _app, engineIsEntryPoint: true));

    [Fact]
    public void StartedFromADirectoryWithSettings_KeepsTheDefault() =>
        Assert.Null(ContentRoot.For([], _app, _app, engineIsEntryPoint: true));

    [Theory]
    [InlineData("--contentRoot=/srv/reputation")]
    [InlineData("--contentRoot")]
    public void ExplicitContentRoot_Wins(string argument) =>
        Assert.Null(ContentRoot.For([argument], _elsewhere, _app, engineIsEntryPoint: true));

    [Fact]
    public void EmbeddedInAnotherHost_KeepsTheHostsChoice() =>
        Assert.Null(ContentRoot.For([], _elsewhere, _app, engineIsEntryPoint: false));

    [Fact]
    public void AppDirectoryWithoutSettings_KeepsTheDefault() =>
        Assert.Null(ContentRoot.For([], _elsewhere, _elsewhere, engineIsEntryPoint: true));
}
