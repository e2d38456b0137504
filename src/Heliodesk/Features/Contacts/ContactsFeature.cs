namespace Heliodesk.Features.Contacts;

public static class ContactsFeature
{
    public static IHostApplicationBuilder AddContacts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ContactDirectory>();
        builder.Services.AddSingleton<NewContactClaims>();
        builder.Services.AddScoped<NewContactClaims.Held>();
        return builder;
    }

    public static RouteGroupBuilder MapContactsEndpoints(this RouteGroupBuilder api)
    {
        api.MapContactApi().MapContactEmailApi();
        api.MapOrganizationApi();
        return api;
    }
}
