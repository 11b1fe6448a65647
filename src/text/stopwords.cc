// Stop word lists, written for this project: the closed-class words
// (articles, pronouns, prepositions, conjunctions, auxiliaries and the most
// common adverbs) of each language. English is the fullest (~280 words);
// the others hold the function words that matter for bag-of-words features
// and for telling languages apart. Words are folded (lowercase); English
// contractions use the ASCII apostrophe, which is what Words() produces.
#include <memory>
#include <string>

#include "parallax/text.h"
#include "text/lexicon.h"
#include "text/utf8.h"

namespace parallax::text {
namespace internal {
namespace {

struct Source {
  const char* language;
  const char* words;  // separated by spaces
};

constexpr Source kSources[] = {
    {"en",
     "a about above across after afterwards again against all almost alone along already also "
     "although always am among amongst an and another any anybody anyone anything anyway anywhere "
     "are aren't around as at be became because become becomes been before beforehand behind being "
     "below beside besides between beyond both but by can can't cannot could couldn't did didn't "
     "do does doesn't doing don't done down during each either else elsewhere enough etc even ever "
     "every everybody everyone everything everywhere except few for former formerly from further "
     "furthermore had hadn't has hasn't have haven't having he he'd he'll he's hence her here "
     "here's hereby herein hers herself him himself his how how's however i i'd i'll i'm i've if in "
     "indeed inside instead into is isn't it it's its itself just least less let's like many may "
     "maybe me meanwhile might mine more moreover most mostly much must mustn't my myself namely "
     "neither never nevertheless no nobody none nonetheless noone nor not nothing now nowhere of off "
     "often on once one only onto or other others otherwise ought our ours ourselves out outside "
     "over own per perhaps quite rather same several shall shan't she she'd she'll she's should "
     "shouldn't since so some somebody someone something sometimes somewhere still such than that "
     "that's the their theirs them themselves then thence there there's thereafter thereby "
     "therefore therein these they they'd they'll they're they've this those though through "
     "throughout thus till to together too toward towards under unless until up upon us very via "
     "was wasn't we we'd we'll we're we've were weren't what what's whatever when when's whenever "
     "where where's whereas whereby wherever whether which whichever while who who's whoever whole "
     "whom whose why why's will with within without won't would wouldn't yet you you'd you'll "
     "you're you've your yours yourself yourselves"},
    {"de",
     "aber alle allem allen aller alles als also am an andere anderem anderen anderer anderes "
     "anders auch auf aus bei beim bereits bin bis bisher bist bzw da dabei dadurch dafür dagegen "
     "daher damit danach dann daran darauf darin darum das dass davon dazu dein deine dem den "
     "denen denn dennoch der deren des dessen deshalb die dies diese diesem diesen dieser dieses "
     "doch dort du durch ein eine einem einen einer eines einige einigen einmal er es etwa etwas "
     "euch euer eure für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn "
     "ihnen ihr ihre ihrem ihren ihrer ihres im immer in indem ins ist jede jedem jeden jeder jedes "
     "jedoch jetzt kann kein keine keinem keinen keiner können könnte machen man manche mehr mein "
     "meine mich mir mit muss musste nach nachdem nicht nichts noch nun nur ob oder ohne schon sehr "
     "sei sein seine seinem seinen seiner seit sich sie sind so solche soll sollen sollte sondern "
     "sonst soweit sowie über um und uns unser unsere unter viel viele vom von vor wann war waren "
     "warum was weder weil welche welchem welchen welcher welches wenn wer werde werden wie wieder "
     "will wir wird wo wollen worden wurde wurden während würde würden zu zum zur zwar zwischen"},
    {"fr",
     "à a afin ai aie ainsi alors après as au aucun aucune aujourd'hui auprès aussi autre autres "
     "aux avaient avais avait avant avec avez avoir avons c ça car ce ceci cela celle celles celui "
     "cependant ces cet cette ceux chaque chez comme comment d dans de depuis des dès deux devant "
     "doit donc dont du elle elles en encore entre es est et étaient était été être eu eux fait "
     "fois font ici il ils j jamais je jusqu jusque l la là le les leur leurs lors lorsque lui m ma "
     "mais me même mes moi moins mon n ne ni nos notre nous on ont ou où par parce parmi pas "
     "pendant peu peut plus plusieurs pour pourquoi puis qu quand que quel quelle quelles quels qui "
     "s sa sans se selon ses si sien soi soit son sont sous sur t ta tandis te tes toi ton tous "
     "tout toute toutes très tu un une vers vos votre vous y"},
    {"es",
     "a al algo alguna algunas alguno algunos ante antes aquel aquella aquellas aquellos aquí así "
     "aún aunque cada como cómo con contra cual cuál cuales cuando cuándo de del desde donde dónde "
     "durante e el él ella ellas ello ellos en entonces entre era eran es esa esas ese eso esos "
     "esta está estaba estaban estado están estar estas este esto estos fue fueron ha había habían "
     "han hasta hay he hemos hacia la las le les lo los más me mi mí mientras mis mucho muchos muy "
     "nada ni no nos nosotros nuestra nuestro o os otra otras otro otros para pero poco por porque "
     "qué que quien quién quienes se sea según ser si sí sido siempre sin sino sobre son su sus "
     "también tan tanto te tiene tienen todo todos tras tu tú tus u un una uno unos usted ustedes "
     "vosotros y ya yo"},
    {"it",
     "a ad agli ai al alla alle allo anche ancora avere aveva avevano c che chi ci come con contro "
     "cosa così cui da dagli dai dal dall dalla dalle dei del dell della delle dello dentro di "
     "dopo dove e è ed egli era erano essere fa fino fra gli ha hanno ho i il in io l la le lei li "
     "lo loro lui ma me mentre mi mia mie miei mio molto ne negli nei nel nell nella nelle nello "
     "noi non nostra nostro o ogni per perché però più poi proprio qual quale quali quando quanto "
     "quella quelle quelli quello questa queste questi questo qui quindi se sei sempre senza si sia "
     "siamo solo sono sta stato su sua sue sugli sui sul sull sulla sulle suo suoi tra tu tutta "
     "tutte tutti tutto un una uno voi"},
    {"pt",
     "a à ao aos após aquela aquele aquilo as às até com como contra cujo da das de dela dele "
     "deles depois desde do dos durante e é ela elas ele eles em entre era eram essa essas esse "
     "esses esta está estão estava estavam este estes eu foi foram há isso isto já lhe lhes mais "
     "mas me mesmo meu meus minha minhas muito na nas nem no nos nós nossa nosso não num numa o onde "
     "os ou para pela pelas pelo pelos por porque quando que quem se seja sem ser seu seus sido "
     "sobre sua suas são também te tem têm tinha todo todos tu um uma umas uns você vocês"},
    {"nl",
     "aan al alle alles als altijd andere ben bij daar daarom dan dat de der deze die dit doch "
     "doen door dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe "
     "hun iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar "
     "niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van "
     "veel voor want waren was wat we wel werd wezen wie wij wil worden wordt zal ze zei zelf zich "
     "zij zijn zo zonder zou"},
    {"ru",
     "а без более бы был была были было быть в вам вас весь во вот все всё всего всех вы где да "
     "даже для до его её ее ей ему если есть ещё еще же за здесь и из или им их к как ко когда "
     "который которая которое которые которых кто ли либо между мне может мы на над нам нас не "
     "него неё нее нет ни них но ну о об однако он она они оно от очень по под после при про с со "
     "так также такой там те тем то того тоже той только том ты у уже хотя чего чем что чтобы эта "
     "эти это этого этой этот я"},
    {"uk",
     "а або але без був була були було в вже від він вона вони воно все всі да де для до є його "
     "її з за зі і й їх коли котрий ми між на над не ні про під після по при та так також те то "
     "тому у хоча це цей ці через що щоб як який яка яке які"},
    {"bg",
     "а ако беше бяха в във все всички вие въпреки да до е за и из или им като които която който "
     "което към ли мен много на над не него нея но няма от още по под при се след с със са само "
     "сега си също та те тези това този той тя че ще"},
    {"ar",
     "أن أنه أنها إن إلى الى أو أي أيضا أيضاً التي الذي الذين بعد بين تلك ثم حتى حيث خلال ذلك ضد "
     "عليه عليها على عن عند غير فقط في فيه فيها قبل قد كان كانت كل كما لا لم لن له لها لهم لكن "
     "ما مع من منذ منه منها نحو هذا هذه هناك هو هي هم وأن وفي وقد ومن"},
    {"sv",
     "alla andra att av bara blev blir då de dem den denna deras dess dessa det detta dig din ditt "
     "du där efter eftersom eller en ett för från genom ha hade han hans har henne hennes hon honom "
     "här hur i inom inte ja jag kan kommer kunde man med mellan men mig min mina mitt mot mycket "
     "ni nu när någon något några och om också på sedan sig sin sina sitt ska skulle som så till "
     "under upp ut utan vad var vara varit vi vid vilka vilken vilket vår våra vårt än är åt över"},
    {"da",
     "ad af alle alt anden andet andre at blev bliver blive da de dem den denne dens der deres det dette "
     "dig din disse dog du efter eller en end er et for fordi fra gennem ham han hans har havde "
     "have hende hendes her hos hun hvad hvem hvis hvor hvordan i ikke ind jeg jer kan kom kunne man "
     "mange med meget men mig min mod mos nogen noget nogle nu når og også om op os over på sig sin "
     "sine sit skal skulle som sådan thi til ud under var været vi vil ville vor være"},
    {"no",
     "alle andre at av bare begge ble blitt bli blir da de deg dem den denne deres det dette din "
     "disse ditt du eller en enn er et etter for fordi fra før ha hadde han hans har hennes her hun "
     "hva hvem hver hvilke hvilken hvis hvor hvordan hvorfor i ikke ingen inn ja jeg kan kom kunne "
     "man mange med meg mellom men min mitt mot mye noe noen nå når og også om opp oss over på seg "
     "selv sin sine sitt skal skulle slik som så til uten ut var vi vil ville vår vært være"},
    {"fi",
     "ei eikä että he hän hänen hänet heidän jo joka jolla jonka jos jotka kanssa koska kuin kuka "
     "kun me mikä minä mitä mukaan mutta myös ne niin niiden niitä noin nyt oli olivat olla ollut "
     "olisi on ovat se sekä sen siinä siitä sinä sitä sitten tai te tämä tämän tässä vain vielä voi "
     "yli"},
    {"pl",
     "a aby ale bardzo bez był była było były być co czy dla do dlatego gdy gdzie go i ich jak "
     "jako jednak jego jej jest już kiedy która które których który lub ma mi między może mu na "
     "nad nie nich niż o od oraz po pod przed przez przy się są ta tak także te tego tej ten też "
     "to tu tylko tym w we więc z za że"},
    {"cs",
     "a aby ale bez by byl byla bylo byly co což či do jak jako je jeho jejich její jen jsem jsme "
     "jsou již k kde když která které který kteří mezi na nad nebo není o od pod podle po pro před "
     "při s se tak také tato tento této to toho tohoto toto tím už v ve však z za ze že"},
    {"tr",
     "ama ancak arasında ayrıca bana ben bir biz bu bunu çok çünkü da daha de değil diye en gibi "
     "göre hem her için ile ise kadar ki mi mı mu mü ne o olan olarak olduğu olduğunu onlar onun "
     "sen siz sonra şey şu tarafından üzerinde var ve veya ya yok"},
    {"ro",
     "a acest această aceste acestui al ale au care ce cu cum că când către da dar de deja despre "
     "din după ei este fi fost fără iar în între însă la lor lui mai nu o pe pentru peste prin până "
     "sau se sub sunt și un unde"},
    {"hu",
     "a akkor aki ami amely azt az be csak de egy el és ez ezt fel ha hogy is itt ki le lesz lett "
     "meg mert még mi mint minden nagyon nem neki ott pedig sem szerint te ti után vagy van vele "
     "volt között alatt kell lehet már majd én ő ők miután amikor azonban valamint illetve "
     "továbbá ezért amit azért arra erre ezzel azzal volna lenne nincs sok egyik másik mivel "
     "hiszen szintén vagyis ugyanis viszont amelyek akik amelynek"},
    {"id",
     "ada adalah agar akan antara atau bahwa banyak belum bisa dalam dan dari dengan di dia harus "
     "hanya ia ini itu jika juga kami karena ke kita lebih maka masih mereka namun oleh pada saat "
     "sangat saya seperti setelah sudah telah tersebut tetapi tidak untuk yang"},
};

struct Registry {
  std::vector<std::unique_ptr<WordSet>> sets;
  std::vector<StopList> lists;
  Registry() {
    for (const Source& s : kSources) {
      auto set = std::make_unique<WordSet>();
      std::string_view all(s.words);
      size_t i = 0;
      while (i < all.size()) {
        size_t j = all.find(' ', i);
        if (j == std::string_view::npos) j = all.size();
        if (j > i) set->insert(all.substr(i, j - i));
        i = j + 1;
      }
      lists.push_back({s.language, set.get()});
      sets.push_back(std::move(set));
    }
  }
};

const Registry& GetRegistry() {
  static const Registry* r = new Registry();  // never destroyed: safe at exit
  return *r;
}

}  // namespace

const WordSet* StopWordSet(std::string_view language) {
  if (language == "nb" || language == "nn") language = "no";
  for (const StopList& l : GetRegistry().lists) {
    if (l.language == language) return l.words;
  }
  return nullptr;
}

const std::vector<StopList>& AllStopLists() { return GetRegistry().lists; }

}  // namespace internal

bool IsStopWord(std::string_view folded_word, std::string_view language) {
  const internal::WordSet* set = internal::StopWordSet(language);
  if (set == nullptr) set = internal::StopWordSet("en");
  if (set->count(folded_word) != 0) return true;
  // "don’t" written with the typographic apostrophe.
  if (folded_word.find("\xE2\x80\x99") == std::string_view::npos) return false;
  std::string ascii(folded_word);
  internal::AsciiApostrophes(ascii);
  return set->count(ascii) != 0;
}

}  // namespace parallax::text
