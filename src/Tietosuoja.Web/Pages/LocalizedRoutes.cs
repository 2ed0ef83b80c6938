using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Tietosuoja.Web.Comments;
using Tietosuoja.Web.Editing;
using Tietosuoja.Web.Events;
using Tietosuoja.Web.Guidance;
using Tietosuoja.Web.Data;

namespace Tietosuoja.Web.Pages;

/// <summary>
/// Gives each reading page one route per language, taken from <see cref="SiteUrls.Templates"/>.
/// The pages' own default routes (their file paths) are removed, so every page has exactly the
/// URLs that SiteUrls generates.
/// </summary>
public static class LocalizedRoutes
{
    public static void Apply(PageConventionCollection conventions)
    {
        Route(conventions, "/Index", SiteUrls.Templates.Home);
        Route(conventions, "/Chapters/Chapter", SiteUrls.Templates.Chapter, SiteUrls.Templates.Version);
        Route(conventions, "/Chapters/History", SiteUrls.Templates.History);
        Route(conventions, "/Chapters/Compare", SiteUrls.Templates.Compare);
        Route(conventions, "/Search", SiteUrls.Templates.Search);
        Route(conventions, "/Feed", SiteUrls.Templates.Feed);
        Route(conventions, "/WholeGuidance", SiteUrls.Templates.WholeGuidance);
        Route(conventions, "/SitePage", SiteUrls.Templates.Page);
        Route(conventions, "/Glossary", SiteUrls.Templates.Glossary);
        Route(conventions, "/Comments/Rounds", SiteUrls.Templates.Rounds);
        Route(conventions, "/Comments/Round", SiteUrls.Templates.Round);
        Route(conventions, "/Comments/Submit", SiteUrls.Templates.CommentForm);
        Route(conventions, "/Comments/Manage", SiteUrls.Templates.CommentLink);
        Route(conventions, "/Events/Index", EventUrls.Templates.List);
        Route(conventions, "/Events/Event", EventUrls.Templates.Event);
        Route(conventions, "/Events/Register", EventUrls.Templates.Register);
        Route(conventions, "/Events/Captions", EventUrls.Templates.Captions);
        Route(conventions, "/Events/Registration", EventUrls.Templates.Registration);
        Route(conventions, "/Subscriptions/Subscribe", SubscriptionUrls.Templates.Subscribe);
        Route(conventions, "/Subscriptions/Sent", SubscriptionUrls.Templates.Sent);
        Route(conventions, "/Subscriptions/Confirm", SubscriptionUrls.Templates.Confirm);
        Route(conventions, "/Subscriptions/Unsubscribe", SubscriptionUrls.Templates.Unsubscribe);
        Route(conventions, "/Editor/Index", EditorUrls.Templates.Home);
        Route(conventions, "/Editor/SignIn", EditorUrls.Templates.SignIn);
        Route(conventions, "/Editor/SignOut", EditorUrls.Templates.SignOut);
        Route(conventions, "/Editor/Draft", EditorUrls.Templates.NewDraft, EditorUrls.Templates.Draft);
        Route(conventions, "/Editor/Reviews", EditorUrls.Templates.Reviews);
        Route(conventions, "/Editor/Review", EditorUrls.Templates.Review);
        Route(conventions, "/Editor/Translate", EditorUrls.Templates.Translate);
        Route(conventions, "/Editor/Rounds", EditorUrls.Templates.Rounds);
        Route(conventions, "/Editor/EditRound", EditorUrls.Templates.NewRound, EditorUrls.Templates.EditRound);
        Route(conventions, "/Editor/Round", EditorUrls.Templates.Round);
        Route(conventions, "/Editor/RoundComments", EditorUrls.Templates.RoundComments);
        Route(conventions, "/Editor/Comment", EditorUrls.Templates.Comment);
        Route(conventions, "/Editor/Audit", EditorUrls.Templates.Audit);
        Route(conventions, "/Editor/Events/Index", EditorUrls.Templates.Events);
        Route(conventions, "/Editor/Events/Edit", EditorUrls.Templates.NewEvent, EditorUrls.Templates.EditEvent);
        Route(conventions, "/Editor/Events/Event", EditorUrls.Templates.Event);
        Route(conventions, "/Editor/Events/Registrants", EditorUrls.Templates.EventRegistrants);
        Route(conventions, "/Editor/Events/Memo", EditorUrls.Templates.EventMemo);
        Route(conventions, "/Editor/Events/Recording", EditorUrls.Templates.EventRecording);
    }

    private static void Route(PageConventionCollection conventions, string page, params Func<Language, string>[] templates) =>
        conventions.AddPageRouteModelConvention(page, model =>
        {
            model.Selectors.Clear();
            foreach (var language in Languages.All)
            {
                foreach (var template in templates)
                {
                    model.Selectors.Add(new SelectorModel
                    {
                        AttributeRouteModel = new AttributeRouteModel { Template = template(language) },
                    });
                }
            }
        });
}
