// DetectLanguage on hand-written news-like sentences (written for this
// test, two or three per language, 15-40 words each). The table doubles as
// the accuracy measurement reported in bench/text/RESULTS.md.
#include <gtest/gtest.h>

#include <cstdio>

#include "parallax/text.h"

namespace parallax::text {
namespace {

struct LangCase {
  const char* want;
  const char* text;
};

const LangCase kCases[] = {
    {"en", "The president said on Monday that the talks would continue, but officials warned that "
           "a deal was still far away and that the fighting could get worse."},
    {"en", "Shares of the company fell sharply after it reported lower profits than analysts had "
           "expected for the third quarter of the year."},
    {"en", "Heavy rain is expected across the region tonight, and residents have been told to stay "
           "at home until the storm has passed."},
    {"de", "Der Präsident sagte am Montag, dass die Gespräche fortgesetzt werden, aber die Beamten "
           "warnten, dass eine Einigung noch weit entfernt sei."},
    {"de", "Die Aktien des Unternehmens fielen deutlich, nachdem es für das dritte Quartal einen "
           "geringeren Gewinn gemeldet hatte als erwartet."},
    {"de", "In der Nacht wird in der ganzen Region starker Regen erwartet, und die Bewohner sollen "
           "zu Hause bleiben, bis der Sturm vorbei ist."},
    {"fr", "Le président a déclaré lundi que les négociations allaient continuer, mais les "
           "responsables ont averti qu'un accord était encore loin."},
    {"fr", "Les actions de l'entreprise ont fortement baissé après l'annonce de bénéfices plus "
           "faibles que prévu pour le troisième trimestre."},
    {"fr", "De fortes pluies sont attendues cette nuit dans toute la région et les habitants ont "
           "été priés de rester chez eux jusqu'à la fin de la tempête."},
    {"es", "El presidente dijo el lunes que las negociaciones continuarán, pero los funcionarios "
           "advirtieron que un acuerdo todavía está lejos."},
    {"es", "Las acciones de la empresa cayeron con fuerza después de que anunció beneficios más "
           "bajos de lo esperado para el tercer trimestre del año."},
    {"es", "Se esperan lluvias intensas esta noche en toda la región y se ha pedido a los vecinos "
           "que se queden en casa hasta que pase la tormenta."},
    {"it", "Il presidente ha detto lunedì che i negoziati continueranno, ma i funzionari hanno "
           "avvertito che un accordo è ancora lontano."},
    {"it", "Le azioni della società sono scese bruscamente dopo che ha annunciato utili più bassi "
           "del previsto per il terzo trimestre dell'anno."},
    {"it", "Stanotte sono attese forti piogge in tutta la regione e ai residenti è stato chiesto di "
           "restare a casa fino alla fine della tempesta."},
    {"pt", "O presidente disse na segunda-feira que as negociações vão continuar, mas as "
           "autoridades alertaram que um acordo ainda está distante."},
    {"pt", "As ações da empresa caíram fortemente depois que ela anunciou lucros menores do que o "
           "esperado para o terceiro trimestre do ano."},
    {"pt", "São esperadas chuvas fortes esta noite em toda a região, e os moradores foram "
           "orientados a ficar em casa até a tempestade passar."},
    {"nl", "De president zei maandag dat de gesprekken zouden doorgaan, maar functionarissen "
           "waarschuwden dat een akkoord nog ver weg is."},
    {"nl", "De aandelen van het bedrijf daalden sterk nadat het voor het derde kwartaal een lagere "
           "winst had gemeld dan verwacht."},
    {"sv", "Presidenten sade på måndagen att samtalen skulle fortsätta, men tjänstemän varnade för "
           "att en överenskommelse fortfarande är långt borta."},
    {"sv", "Företagets aktier föll kraftigt efter att det hade rapporterat lägre vinst än väntat "
           "för det tredje kvartalet."},
    {"da", "Præsidenten sagde mandag, at forhandlingerne ville fortsætte, men embedsmænd advarede "
           "om, at en aftale stadig er langt væk, og at kampene kunne blive værre."},
    {"da", "Virksomhedens aktier faldt kraftigt, efter at den havde meldt om et lavere overskud end "
           "ventet for tredje kvartal, og det var noget, ingen havde set komme."},
    {"no", "Presidenten sa mandag at forhandlingene ville fortsette, men tjenestemenn advarte om at "
           "en avtale fortsatt er langt unna, og at kampene kunne bli verre."},
    {"no", "Selskapets aksjer falt kraftig etter at det hadde meldt om lavere overskudd enn ventet "
           "for tredje kvartal, og det var noe ingen hadde sett komme."},
    {"fi", "Presidentti sanoi maanantaina, että neuvottelut jatkuvat, mutta virkamiehet "
           "varoittivat, että sopimus on vielä kaukana ja että taistelut voivat pahentua."},
    {"fi", "Yhtiön osakkeet laskivat jyrkästi, kun se oli kertonut kolmannen neljänneksen "
           "tuloksen olevan odotettua heikompi."},
    {"pl", "Prezydent powiedział w poniedziałek, że rozmowy będą kontynuowane, ale urzędnicy "
           "ostrzegli, że porozumienie jest wciąż daleko."},
    {"pl", "Akcje spółki mocno spadły po tym, jak ogłosiła ona niższe od oczekiwań zyski za trzeci "
           "kwartał roku."},
    {"cs", "Prezident v pondělí řekl, že rozhovory budou pokračovat, ale úředníci varovali, že "
           "dohoda je stále daleko a že boje se mohou zhoršit."},
    {"cs", "Akcie společnosti prudce klesly poté, co oznámila nižší zisk, než se čekalo, za třetí "
           "čtvrtletí roku."},
    {"tr", "Cumhurbaşkanı pazartesi günü görüşmelerin devam edeceğini söyledi, ancak yetkililer "
           "bir anlaşmanın hâlâ uzak olduğu konusunda uyardı."},
    {"tr", "Şirketin hisseleri, üçüncü çeyrek için beklenenden daha düşük kâr açıklamasının "
           "ardından sert bir şekilde düştü."},
    {"ro", "Președintele a declarat luni că negocierile vor continua, dar oficialii au avertizat "
           "că un acord este încă departe și că luptele s-ar putea agrava."},
    {"ro", "Acțiunile companiei au scăzut puternic după ce aceasta a anunțat profituri mai mici "
           "decât se aștepta pentru al treilea trimestru."},
    {"hu", "Az elnök hétfőn azt mondta, hogy a tárgyalások folytatódnak, de a tisztviselők "
           "figyelmeztettek, hogy a megállapodás még messze van."},
    {"hu", "A vállalat részvényei meredeken estek, miután a harmadik negyedévre a vártnál kisebb "
           "nyereséget jelentett."},
    {"id", "Presiden mengatakan pada hari Senin bahwa perundingan akan dilanjutkan, tetapi para "
           "pejabat memperingatkan bahwa kesepakatan masih jauh."},
    {"id", "Saham perusahaan itu turun tajam setelah perusahaan melaporkan laba yang lebih rendah "
           "dari perkiraan untuk kuartal ketiga tahun ini."},
    {"ca", "El president va dir dilluns que les negociacions continuaran, però els funcionaris "
           "van advertir que un acord encara és lluny."},
    {"vi", "Tổng thống cho biết hôm thứ Hai rằng các cuộc đàm phán sẽ tiếp tục, nhưng các quan "
           "chức cảnh báo rằng một thỏa thuận vẫn còn xa."},
    {"ru", "Президент заявил в понедельник, что переговоры будут продолжены, но чиновники "
           "предупредили, что до соглашения ещё далеко."},
    {"ru", "Акции компании резко упали после того, как она сообщила о более низкой, чем "
           "ожидалось, прибыли за третий квартал."},
    {"uk", "Президент заявив у понеділок, що переговори будуть продовжені, але посадовці "
           "попередили, що до угоди ще далеко."},
    {"uk", "Акції компанії різко впали після того, як вона повідомила про нижчий, ніж "
           "очікувалося, прибуток за третій квартал."},
    {"bg", "Президентът заяви в понеделник, че преговорите ще продължат, но служителите "
           "предупредиха, че споразумението все още е далеч."},
    {"sr", "Председник је у понедељак рекао да ће преговори бити настављени, али су званичници "
           "упозорили да је договор још далеко."},
    {"el", "Ο πρόεδρος δήλωσε τη Δευτέρα ότι οι συνομιλίες θα συνεχιστούν, αλλά οι αξιωματούχοι "
           "προειδοποίησαν ότι μια συμφωνία είναι ακόμη μακριά."},
    {"ar", "قال الرئيس يوم الاثنين إن المحادثات ستستمر، لكن المسؤولين حذروا من أن التوصل إلى اتفاق "
           "لا يزال بعيدا."},
    {"ar", "تراجعت أسهم الشركة بشكل حاد بعد أن أعلنت عن أرباح أقل من المتوقع للربع الثالث من العام."},
    {"fa", "رئیس جمهور روز دوشنبه گفت که گفتگوها ادامه خواهد یافت، اما مقامات هشدار دادند که "
           "توافق هنوز دور است."},
    {"ur", "صدر نے پیر کے روز کہا کہ مذاکرات جاری رہیں گے، لیکن حکام نے خبردار کیا کہ معاہدہ "
           "ابھی دور ہے۔"},
    {"he", "הנשיא אמר ביום שני כי השיחות יימשכו, אך פקידים הזהירו כי הסכם עדיין רחוק."},
    {"zh", "总统周一表示，谈判将继续进行，但官员警告说，达成协议仍然遥遥无期。"},
    {"ja", "大統領は月曜日、協議は継続されると述べたが、当局者は合意にはまだ程遠いと警告した。"},
    {"ko", "대통령은 월요일 협상이 계속될 것이라고 말했지만 관리들은 합의가 아직 멀었다고 경고했다."},
    {"hi", "राष्ट्रपति ने सोमवार को कहा कि बातचीत जारी रहेगी, लेकिन अधिकारियों ने चेतावनी दी कि "
           "समझौता अभी दूर है।"},
    {"th", "ประธานาธิบดีกล่าวเมื่อวันจันทร์ว่าการเจรจาจะดำเนินต่อไป แต่เจ้าหน้าที่เตือนว่าข้อตกลงยังอยู่อีกไกล"},
    {"bn", "রাষ্ট্রপতি সোমবার বলেছেন যে আলোচনা চলবে, তবে কর্মকর্তারা সতর্ক করেছেন যে চুক্তি এখনও "
           "অনেক দূরে।"},
    {"ta", "பேச்சுவார்த்தைகள் தொடரும் என்று ஜனாதிபதி திங்களன்று கூறினார், ஆனால் ஒப்பந்தம் இன்னும் "
           "தொலைவில் உள்ளது என்று அதிகாரிகள் எச்சரித்தனர்."},
    {"ka", "პრეზიდენტმა ორშაბათს განაცხადა, რომ მოლაპარაკებები გაგრძელდება, მაგრამ ოფიციალურმა "
           "პირებმა გააფრთხილეს, რომ შეთანხმება ჯერ კიდევ შორსაა."},
    {"hy", "Նախագահը երկուշաբթի ասաց, որ բանակցությունները կշարունակվեն, սակայն պաշտոնյաները "
           "զգուշացրել են, որ համաձայնությունը դեռ հեռու է։"},
};

TEST(DetectLanguage, HandWrittenSentences) {
  int correct = 0, abstained = 0, total = 0;
  for (const LangCase& c : kCases) {
    std::string got = DetectLanguage(c.text);
    ++total;
    if (got == c.want) ++correct;
    else if (got.empty()) ++abstained;
    EXPECT_EQ(got, c.want) << c.text;
  }
  std::printf("DetectLanguage hand-written set: %d/%d correct, %d abstained, %d wrong\n", correct,
              total, abstained, total - correct - abstained);
}

// The same texts cut to their first n words (n * 3 characters for scripts
// without spaces): short text may get "" but must never get a wrong code.
std::string FirstWords(std::string_view text, int n) {
  size_t space = text.find(' ');
  bool spaced = space != std::string_view::npos && space < 60;
  size_t i = 0;
  int count = 0;
  while (i < text.size() && count < (spaced ? n : n * 3)) {
    if (spaced) {
      if (text[i] == ' ' && ++count == n) break;
      ++i;
    } else {
      ++i;
      while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
      ++count;
    }
  }
  return std::string(text.substr(0, i));
}

TEST(DetectLanguage, ShortPrefixesAbstainRatherThanGuessWrong) {
  for (int n : {3, 5, 8, 12}) {
    int correct = 0, abstained = 0;
    for (const LangCase& c : kCases) {
      std::string cut = FirstWords(c.text, n);
      std::string got = DetectLanguage(cut);
      if (got == c.want) ++correct;
      else if (got.empty()) ++abstained;
      else ADD_FAILURE() << "wrong " << got << " for " << c.want << ": " << cut;
    }
    std::printf("first %2d words: %d/%zu correct, %d abstained\n", n, correct, std::size(kCases),
                abstained);
  }
}

TEST(DetectLanguage, AbstainsOnShortOrUnclearText) {
  EXPECT_EQ(DetectLanguage(""), "");
  EXPECT_EQ(DetectLanguage("Hello"), "");
  EXPECT_EQ(DetectLanguage("Biden Netanyahu Rafah Gaza Washington"), "");
  EXPECT_EQ(DetectLanguage("12345 67890 !!! ??? ... 2024-03-31"), "");
  EXPECT_EQ(DetectLanguage("\xFF\xFE\xFD invalid bytes \xC0\xAF"), "");
}

TEST(DetectLanguage, SeedArticlesAreEnglish) {
  std::string text =
      "Israeli Prime Minister Benjamin Netanyahu's decision Monday to scrap a planned delegation "
      "to Washington amounts to a low point in the ever-deepening rift between the two men.";
  EXPECT_EQ(DetectLanguage(text), "en");
}

}  // namespace
}  // namespace parallax::text
