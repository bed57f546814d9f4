using System.CommandLine;
using ReputationEngine.Cli.Commands;

// One line per verb: each command builds itself in Commands/.
var root = new RootCommand("ReputationEngine command-line tools")
{
    TrainCommand.Create(),
    ScoreCommand.Create(),
    ReplayCommand.Create(),
};

return root.Parse(args).Invoke();
