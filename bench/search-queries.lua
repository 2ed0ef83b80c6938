-- wrk script for bench/search-http.sh: each request is the next of a fixed list of realistic
-- multi-word searches, Finnish and Swedish, so that what is measured is searching and rendering,
-- never a repeat of the same query (no cache keyed by the query could make this cheaper).
local queries = {
    "/haku?q=voiko+kunta+k%C3%A4ytt%C3%A4%C3%A4+suostumusta+k%C3%A4sittelyperusteena",
    "/haku?q=rekister%C3%B6idyn+oikeus+saada+p%C3%A4%C3%A4sy+tietoihin",
    "/haku?q=kuka+kunnassa+on+rekisterinpit%C3%A4j%C3%A4",
    "/haku?q=tietojen+luovuttaminen+viranomaisten+v%C3%A4lill%C3%A4",
    "/haku?q=vastustamisoikeudesta+ja+k%C3%A4sittelyn+rajoittamisesta",
    "/haku?q=oikaistaan+virheellinen+tieto",
    "/haku?q=rekister%C3%B6idyille+annettavat+tiedot",
    "/haku?q=salassa+pidett%C3%A4v%C3%A4t+tiedot+kunnan+sis%C3%A4ll%C3%A4",
    "/haku?q=sosiaali-+ja+terveystietojen+toissijainen+k%C3%A4ytt%C3%B6",
    "/haku?q=lapsen+puolesta+tehty+pyynt%C3%B6+huoltaja",
    "/haku?q=yhteisrekisterinpit%C3%A4jien+vastuut+sopimuksessa",
    "/haku?q=arkistointi+tutkimus+ja+tilastointi+kunnassa",
    "/sv/sok?q=kan+kommunen+anv%C3%A4nda+samtycke",
    "/sv/sok?q=den+registrerades+r%C3%A4tt+till+tillg%C3%A5ng",
    "/sv/sok?q=vem+%C3%A4r+personuppgiftsansvarig+i+kommunen",
    "/sv/sok?q=utl%C3%A4mnande+av+uppgifter+mellan+myndigheter",
    "/sv/sok?q=sekretess+inom+kommunen+och+tystnadsplikt",
    "/sv/sok?q=beg%C3%A4ran+f%C3%B6r+ett+barns+r%C3%A4kning",
    "/sv/sok?q=r%C3%A4ttslig+grund+f%C3%B6r+behandling+av+personuppgifter",
    "/sv/sok?q=klagom%C3%A5l+och+%C3%A4ndringss%C3%B6kande",
}
local i = 0

request = function()
    i = i % #queries + 1
    return wrk.format("GET", queries[i])
end
