using ReputationEngine.Server.Extensions;

// `--demo` is a flag, not a key/value pair; take it out before ASP.NET reads the command line.
var demo = args.Contains("--demo", StringComparer.OrdinalIgnoreCase);
args = [.. args.Where(a => !a.Equals("--demo", StringComparison.OrdinalIgnoreCase))];

// No config reload on change: its file watcher covers the whole content root recursively, and the default data
// directory (./data) sits inside it, so every SQLite page write woke the watcher (~9 % of CPU under load).
args = ["--hostBuilder:reloadConfigOnChange=false", .. args];

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.For(args) });
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls(EngineOptions.DefaultUrl);
}

var engine = EngineOptions.From(builder.Configuration, demo);
builder.AddReputationEngine(engine);

var app = builder.Build();
app.MapReputationEndpoints();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, engine));
app.Run();

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
