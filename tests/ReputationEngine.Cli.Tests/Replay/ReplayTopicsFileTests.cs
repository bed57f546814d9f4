using ReputationEngine.Cli.Replay;

namespace ReputationEngine.Cli.Tests.Replay;

/// <summary><c>replay --topics</c>: the file's topic ids follow the same rule as the topics API.</summary>
public sealed class ReplayTopicsFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("replay-topics-").FullName;

    [Fact]
    public void ReadTopics_ValidIds_Read()
    {
        var path = Write("""[{"id":"acme","name":"Acme","keywords":["acme"]},{"id":"beta-2.eu","keywords":["beta"]}]""");

        Assert.Equal(["acme", "beta-2.eu"], ReplayInput.ReadTopics(path).Select(t => t.Id));
    }

    [Theory]
    [InlineData("acme\\n", "acme\n")]
    [InlineData("acme\\r\\n", "acme\r\n")]
    [InlineData("-acme", "-acme")]
    public void ReadTopics_InvalidId_RefusedWithTheRule(string jsonId, string id)
    {
        var path = Write($$"""[{"id":"ok"},{"id":"{{jsonId}}","keywords":["acme"]}]""");

        var error = Assert.Throws<InvalidDataException>(() => ReplayInput.ReadTopics(path));

        Assert.Equal($"Topic id '{id}' in {path} is invalid: a topic id is 1-64 characters of letters, digits, '-', '_' or '.', starting with a letter or digit.", error.Message);
    }

    private string Write(string json)
    {
        var path = Path.Combine(_dir, "topics.json");
        File.WriteAllText(path, json);
        return path;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
