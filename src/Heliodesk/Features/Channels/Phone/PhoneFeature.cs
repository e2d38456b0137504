namespace Heliodesk.Features.Channels.Phone;

/// <summary>Calls logged on tickets, and the callback queue customers file into from any channel.</summary>
public static class PhoneFeature
{
    public static IHostApplicationBuilder AddPhone(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CallLog>();
        builder.Services.AddScoped<CallbackQueue>();
        return builder;
    }

    public static RouteGroupBuilder MapPhoneEndpoints(this RouteGroupBuilder api) =>
        api.MapPhoneCallApi().MapCallbackApi();
}
