// Hungarian texts of the demo dataset's past evaluations: scoring principles, leaders' reports and
// the justifications of colored entry cards.

export interface PrincipleText {
  name: string
  description: string
}

export const WORK_PRINCIPLES: readonly PrincipleText[] = [
  { name: 'Rendezvényszervezés', description: 'A kör rendezvényeinek előkészítése és lebonyolítása.' },
  { name: 'Ügyeleti munka', description: 'Nyitvatartások, ügyeletek, a körhelyiség rendben tartása.' },
  { name: 'Projektmunka', description: 'Munka a kör félévi projektjein.' },
  { name: 'Oktatás és mentorálás', description: 'Tanfolyamok tartása, az újoncok betanítása.' },
  { name: 'Körgyűlések', description: 'Részvétel a körgyűléseken és a közös döntésekben.' },
  { name: 'Kollégiumi programok', description: 'Segítség a kollégium közös programjain (Qpa, gólyatábor).' },
]

export const RESPONSIBILITY_PRINCIPLES: readonly PrincipleText[] = [
  { name: 'Körvezetés', description: 'A kör vezetése, képviselete a reszortban.' },
  { name: 'Projektvezetés', description: 'Egy projekt vagy rendezvény felelős vezetése.' },
  { name: 'Gazdasági felelősség', description: 'A kör pénzügyeinek és eszközeinek kezelése.' },
  { name: 'Újoncfelelős', description: 'Az újoncok fogadása és beillesztése.' },
]

export const REPORTS: readonly string[] = [
  'A félévben a tervezett rendezvényeinket megtartottuk, az újoncaink beilleszkedtek.',
  'Nyugodt félévünk volt: a rendszeres alkalmak mellett egy nagyobb projektet fejeztünk be.',
  'A félév fő eseménye a tavaszi nagyrendezvényünk volt; köszönjük mindenkinek a munkáját.',
  'Sok új tag érkezett; a régiek tanfolyamokat tartottak nekik, és felújítottuk a körhelyiséget.',
  'A létszámunk csökkent, de a vállalt feladatainkat elvégeztük.',
]

export const KB_JUSTIFICATIONS: readonly string[] = [
  'Egész félévben vitte a kör ügyeleteit, és betanította az újoncokat.',
  'Ő szervezte a félév legnagyobb rendezvényét az első ötlettől az elszámolásig.',
  'Új tanfolyamot indított, amelyen több mint húszan vettek részt.',
  'A projektünk műszaki vezetőjeként határidőre átadta a rendszert.',
]

export const AB_JUSTIFICATIONS: readonly string[] = [
  'Kiemelkedő, az egész kollégiumot szolgáló munka: ő vezette a Schönherz Qpa szervezését.',
  'A kör újraindítása az ő érdeme: tagokat toborzott, és minden alkalmat ő tartott.',
]
