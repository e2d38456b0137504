namespace Heliodesk.Features.Inbox;

/// <summary>Views in the agent workspace: built-in and saved filters over the ticket list.</summary>
public static class InboxFeature
{
    public static IHostApplicationBuilder AddInbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SavedViewsChanged>();
        builder.Services.AddScoped<InboxTrail>();
        return builder;
    }
}
