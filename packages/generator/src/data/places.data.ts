// Countries with their real cities: region, coordinates, population weight (10k inhabitants),
// postcode templates (# digit, @ letter), telephone area codes, time zone and (Germany) the
// vehicle registration code. Addresses, phones, currencies and plates are drawn from one city
// so a row's address fields agree. Japanese names are "kanji:romaji".

export type CountryData = {
  code: string;
  alpha3: string;
  names: Record<string, string>;
  currency: string;
  dial: string;
  tz: string;
  states: string;
  cities: string;
};

export const countries: CountryData[] = [
  {
    code: 'US',
    alpha3: 'USA',
    names: { en: 'United States', de: 'Vereinigte Staaten', fr: 'États-Unis', es: 'Estados Unidos', ja: 'アメリカ合衆国' },
    currency: 'USD',
    dial: '1',
    tz: 'America/New_York',
    states:
      'NY|New York;CA|California;IL|Illinois;TX|Texas;AZ|Arizona;PA|Pennsylvania;FL|Florida;OH|Ohio;NC|North Carolina;IN|Indiana;WA|Washington;CO|Colorado;DC|District of Columbia;MA|Massachusetts;TN|Tennessee;MI|Michigan;OR|Oregon;NV|Nevada;MD|Maryland;WI|Wisconsin;GA|Georgia;MN|Minnesota;MO|Missouri;UT|Utah',
    cities: `New York|NY|40.7128|-74.0060|880|100##,101##,112##,113##,104##|212,718,646,347|America/New_York
Los Angeles|CA|34.0522|-118.2437|390|900##,913##|213,310,323,818|America/Los_Angeles
Chicago|IL|41.8781|-87.6298|270|606##|312,773,872|America/Chicago
Houston|TX|29.7604|-95.3698|230|770##|713,281,832|America/Chicago
Phoenix|AZ|33.4484|-112.0740|160|850##|602,480,623|America/Phoenix
Philadelphia|PA|39.9526|-75.1652|158|191##|215,267|America/New_York
San Antonio|TX|29.4241|-98.4936|145|782##|210,726|America/Chicago
San Diego|CA|32.7157|-117.1611|139|921##|619,858|America/Los_Angeles
Dallas|TX|32.7767|-96.7970|130|752##|214,469,972|America/Chicago
San Jose|CA|37.3382|-121.8863|101|951##|408,669|America/Los_Angeles
Austin|TX|30.2672|-97.7431|96|787##|512,737|America/Chicago
Jacksonville|FL|30.3322|-81.6557|95|322##|904|America/New_York
Columbus|OH|39.9612|-82.9988|90|432##|614|America/New_York
Charlotte|NC|35.2271|-80.8431|87|282##|704,980|America/New_York
Indianapolis|IN|39.7684|-86.1581|88|462##|317|America/Indiana/Indianapolis
San Francisco|CA|37.7749|-122.4194|87|941##|415,628|America/Los_Angeles
Seattle|WA|47.6062|-122.3321|74|981##|206|America/Los_Angeles
Denver|CO|39.7392|-104.9903|72|802##|303,720|America/Denver
Washington|DC|38.9072|-77.0369|69|200##|202|America/New_York
Boston|MA|42.3601|-71.0589|67|021##|617,857|America/New_York
Nashville|TN|36.1627|-86.7816|69|372##|615,629|America/Chicago
Detroit|MI|42.3314|-83.0458|63|482##|313|America/Detroit
Portland|OR|45.5152|-122.6784|65|972##|503,971|America/Los_Angeles
Las Vegas|NV|36.1699|-115.1398|65|891##|702,725|America/Los_Angeles
Memphis|TN|35.1495|-90.0490|63|381##|901|America/Chicago
Baltimore|MD|39.2904|-76.6122|58|212##|410,443|America/New_York
Milwaukee|WI|43.0389|-87.9065|57|532##|414|America/Chicago
Atlanta|GA|33.7490|-84.3880|50|303##|404,470,678|America/New_York
Miami|FL|25.7617|-80.1918|44|331##|305,786|America/New_York
Minneapolis|MN|44.9778|-93.2650|43|554##|612|America/Chicago
Kansas City|MO|39.0997|-94.5786|51|641##|816|America/Chicago
Pittsburgh|PA|40.4406|-79.9959|30|152##|412|America/New_York
Salt Lake City|UT|40.7608|-111.8910|20|841##|801,385|America/Denver
Tampa|FL|27.9506|-82.4572|40|336##|813|America/New_York`,
  },
  {
    code: 'GB',
    alpha3: 'GBR',
    names: { en: 'United Kingdom', de: 'Vereinigtes Königreich', fr: 'Royaume-Uni', es: 'Reino Unido', ja: 'イギリス' },
    currency: 'GBP',
    dial: '44',
    tz: 'Europe/London',
    states: 'ENG|England;SCT|Scotland;WLS|Wales;NIR|Northern Ireland',
    cities: `London|ENG|51.5074|-0.1278|890|SW1A #@@,E1 #@@,N1 #@@,W1D #@@,SE1 #@@,NW1 #@@,EC1A #@@,WC2N #@@,SW## #@@,E## #@@|020
Birmingham|ENG|52.4862|-1.8904|115|B# #@@,B## #@@|0121
Manchester|ENG|53.4808|-2.2426|55|M# #@@,M## #@@|0161
Leeds|ENG|53.8008|-1.5491|79|LS# #@@,LS## #@@|0113
Glasgow|SCT|55.8642|-4.2518|63|G# #@@,G## #@@|0141
Liverpool|ENG|53.4084|-2.9916|50|L# #@@,L## #@@|0151
Edinburgh|SCT|55.9533|-3.1883|52|EH# #@@,EH## #@@|0131
Bristol|ENG|51.4545|-2.5879|47|BS# #@@,BS## #@@|0117
Sheffield|ENG|53.3811|-1.4701|58|S# #@@,S## #@@|0114
Cardiff|WLS|51.4816|-3.1791|36|CF## #@@|029
Belfast|NIR|54.5973|-5.9301|34|BT# #@@,BT## #@@|028
Newcastle upon Tyne|ENG|54.9783|-1.6178|30|NE# #@@|0191
Nottingham|ENG|52.9548|-1.1581|32|NG# #@@|0115
Leicester|ENG|52.6369|-1.1398|35|LE# #@@|0116
Southampton|ENG|50.9097|-1.4044|25|SO## #@@|023
Brighton|ENG|50.8225|-0.1372|23|BN# #@@|01273
Oxford|ENG|51.7520|-1.2577|15|OX# #@@|01865
Cambridge|ENG|52.2053|0.1218|14|CB# #@@|01223
Aberdeen|SCT|57.1497|-2.0943|20|AB## #@@|01224
Coventry|ENG|52.4068|-1.5197|37|CV# #@@|024`,
  },
  {
    code: 'DE',
    alpha3: 'DEU',
    names: { en: 'Germany', de: 'Deutschland', fr: 'Allemagne', es: 'Alemania', ja: 'ドイツ' },
    currency: 'EUR',
    dial: '49',
    tz: 'Europe/Berlin',
    states:
      'BE|Berlin;HH|Hamburg;BY|Bayern;NW|Nordrhein-Westfalen;HE|Hessen;BW|Baden-Württemberg;SN|Sachsen;HB|Bremen;NI|Niedersachsen;SH|Schleswig-Holstein;MV|Mecklenburg-Vorpommern;TH|Thüringen;RP|Rheinland-Pfalz;ST|Sachsen-Anhalt;BB|Brandenburg;SL|Saarland',
    cities: `Berlin|BE|52.5200|13.4050|366|10###,12###,13###|030||B
Hamburg|HH|53.5511|9.9937|185|20###,22###|040||HH
München|BY|48.1351|11.5820|148|80###,81###|089||M
Köln|NW|50.9375|6.9603|108|50###,51###|0221||K
Frankfurt am Main|HE|50.1109|8.6821|76|60###|069||F
Stuttgart|BW|48.7758|9.1829|63|70###|0711||S
Düsseldorf|NW|51.2277|6.7735|62|40###|0211||D
Leipzig|SN|51.3397|12.3731|60|04###|0341||L
Dortmund|NW|51.5136|7.4653|59|44###|0231||DO
Essen|NW|51.4556|7.0116|58|45###|0201||E
Bremen|HB|53.0793|8.8017|57|28###|0421||HB
Dresden|SN|51.0504|13.7373|56|01###|0351||DD
Hannover|NI|52.3759|9.7320|54|30###|0511||H
Nürnberg|BY|49.4521|11.0767|52|90###|0911||N
Duisburg|NW|51.4344|6.7623|50|47###|0203||DU
Bochum|NW|51.4818|7.2162|36|44###|0234||BO
Wuppertal|NW|51.2562|7.1508|35|42###|0202||W
Bielefeld|NW|52.0302|8.5325|33|33###|0521||BI
Bonn|NW|50.7374|7.0982|33|53###|0228||BN
Münster|NW|51.9607|7.6261|32|48###|0251||MS
Mannheim|BW|49.4875|8.4660|31|68###|0621||MA
Karlsruhe|BW|49.0069|8.4037|31|76###|0721||KA
Augsburg|BY|48.3705|10.8978|30|86###|0821||A
Wiesbaden|HE|50.0782|8.2398|28|65###|0611||WI
Kiel|SH|54.3233|10.1228|25|24###|0431||KI
Freiburg im Breisgau|BW|47.9990|7.8421|23|79###|0761||FR
Rostock|MV|54.0924|12.0991|21|18###|0381||HRO
Erfurt|TH|50.9848|11.0299|21|99###|0361||EF
Mainz|RP|49.9929|8.2473|22|55###|06131||MZ
Magdeburg|ST|52.1205|11.6276|24|39###|0391||MD
Potsdam|BB|52.3906|13.0645|18|14###|0331||P
Saarbrücken|SL|49.2402|6.9969|18|66###|0681||SB`,
  },
  {
    code: 'FR',
    alpha3: 'FRA',
    names: { en: 'France', de: 'Frankreich', fr: 'France', es: 'Francia', ja: 'フランス' },
    currency: 'EUR',
    dial: '33',
    tz: 'Europe/Paris',
    states:
      "IDF|Île-de-France;PAC|Provence-Alpes-Côte d'Azur;ARA|Auvergne-Rhône-Alpes;OCC|Occitanie;PDL|Pays de la Loire;GES|Grand Est;NAQ|Nouvelle-Aquitaine;HDF|Hauts-de-France;BRE|Bretagne;NOR|Normandie;BFC|Bourgogne-Franche-Comté;CVL|Centre-Val de Loire;COR|Corse",
    cities: `Paris|IDF|48.8566|2.3522|216|7500#,7501#|01
Marseille|PAC|43.2965|5.3698|87|1300#,1301#|04
Lyon|ARA|45.7640|4.8357|52|6900#|04
Toulouse|OCC|43.6047|1.4442|49|310##,312##|05
Nice|PAC|43.7102|7.2620|34|060##|04
Nantes|PDL|47.2184|-1.5536|32|440##|02
Montpellier|OCC|43.6108|3.8767|30|340##|04
Strasbourg|GES|48.5734|7.7521|29|670##|03
Bordeaux|NAQ|44.8378|-0.5792|26|330##|05
Lille|HDF|50.6292|3.0573|23|590##|03
Rennes|BRE|48.1173|-1.6778|22|350##|02
Reims|GES|49.2583|4.0317|18|510##|03
Toulon|PAC|43.1242|5.9280|18|830##|04
Saint-Étienne|ARA|45.4397|4.3872|17|420##|04
Le Havre|NOR|49.4944|0.1079|17|766##|02
Grenoble|ARA|45.1885|5.7245|16|380##|04
Dijon|BFC|47.3220|5.0415|16|210##|03
Angers|PDL|47.4784|-0.5632|15|490##|02
Nîmes|OCC|43.8367|4.3601|15|300##|04
Clermont-Ferrand|ARA|45.7772|3.0870|15|630##|04
Tours|CVL|47.3941|0.6848|14|370##|02
Limoges|NAQ|45.8336|1.2611|13|870##|05
Amiens|HDF|49.8941|2.2958|13|800##|03
Metz|GES|49.1193|6.1757|12|570##|03
Perpignan|OCC|42.6887|2.8948|12|660##|04
Orléans|CVL|47.9030|1.9093|12|450##|02
Rouen|NOR|49.4432|1.0999|11|760##|02
Caen|NOR|49.1829|-0.3707|11|140##|02
Brest|BRE|48.3904|-4.4861|14|292##|02
Ajaccio|COR|41.9192|8.7386|7|200##|04`,
  },
  {
    code: 'ES',
    alpha3: 'ESP',
    names: { en: 'Spain', de: 'Spanien', fr: 'Espagne', es: 'España', ja: 'スペイン' },
    currency: 'EUR',
    dial: '34',
    tz: 'Europe/Madrid',
    states:
      'MD|Comunidad de Madrid;CT|Cataluña;VC|Comunitat Valenciana;AN|Andalucía;AR|Aragón;MC|Región de Murcia;IB|Illes Balears;CN|Canarias;PV|País Vasco;CL|Castilla y León;GA|Galicia;AS|Asturias;NC|Navarra;CB|Cantabria;CM|Castilla-La Mancha;RI|La Rioja;EX|Extremadura',
    cities: `Madrid|MD|40.4168|-3.7038|330|280##|91
Barcelona|CT|41.3874|2.1686|166|080##|93
Valencia|VC|39.4699|-0.3763|80|460##|96
Sevilla|AN|37.3891|-5.9845|68|410##|95
Zaragoza|AR|41.6488|-0.8891|68|500##|976
Málaga|AN|36.7213|-4.4214|58|290##|95
Murcia|MC|37.9922|-1.1307|46|300##|968
Palma|IB|39.5696|2.6502|42|070##|971
Las Palmas de Gran Canaria|CN|28.1235|-15.4363|38|350##|928|Atlantic/Canary
Bilbao|PV|43.2630|-2.9350|35|480##|94
Alicante|VC|38.3452|-0.4810|34|030##|965
Córdoba|AN|37.8882|-4.7794|32|140##|957
Valladolid|CL|41.6523|-4.7245|30|470##|983
Vigo|GA|42.2406|-8.7207|29|362##|986
Gijón|AS|43.5322|-5.6611|27|332##|985
A Coruña|GA|43.3623|-8.4115|25|150##|981
Granada|AN|37.1773|-3.5986|23|180##|958
Vitoria-Gasteiz|PV|42.8467|-2.6716|25|010##|945
Oviedo|AS|43.3614|-5.8593|22|330##|985
Santa Cruz de Tenerife|CN|28.4636|-16.2518|21|380##|922|Atlantic/Canary
Pamplona|NC|42.8125|-1.6458|20|310##|948
Santander|CB|43.4623|-3.8099|17|390##|942
San Sebastián|PV|43.3183|-1.9812|19|200##|943
Salamanca|CL|40.9701|-5.6635|14|370##|923
Toledo|CM|39.8628|-4.0273|9|450##|925
Logroño|RI|42.4627|-2.4450|15|260##|941
Badajoz|EX|38.8794|-6.9707|15|060##|924`,
  },
  {
    code: 'JP',
    alpha3: 'JPN',
    names: { en: 'Japan', de: 'Japan', fr: 'Japon', es: 'Japón', ja: '日本' },
    currency: 'JPY',
    dial: '81',
    tz: 'Asia/Tokyo',
    states:
      '01|北海道:Hokkaido;04|宮城県:Miyagi;11|埼玉県:Saitama;12|千葉県:Chiba;13|東京都:Tokyo;14|神奈川県:Kanagawa;15|新潟県:Niigata;17|石川県:Ishikawa;22|静岡県:Shizuoka;23|愛知県:Aichi;26|京都府:Kyoto;27|大阪府:Osaka;28|兵庫県:Hyogo;33|岡山県:Okayama;34|広島県:Hiroshima;40|福岡県:Fukuoka;43|熊本県:Kumamoto;46|鹿児島県:Kagoshima;47|沖縄県:Okinawa',
    cities: `新宿区:Shinjuku|13|35.6938|139.7034|35|160-####,169-####|03
世田谷区:Setagaya|13|35.6464|139.6532|94|154-####,156-####,157-####,158-####|03
渋谷区:Shibuya|13|35.6640|139.6982|23|150-####,151-####|03
港区:Minato|13|35.6581|139.7516|26|105-####,106-####,107-####,108-####|03
練馬区:Nerima|13|35.7356|139.6517|74|176-####,177-####,178-####,179-####|03
大田区:Ota|13|35.5613|139.7160|73|143-####,144-####,145-####,146-####|03
江戸川区:Edogawa|13|35.7066|139.8683|69|132-####,133-####,134-####|03
足立区:Adachi|13|35.7750|139.8044|69|120-####,121-####,123-####|03
杉並区:Suginami|13|35.6995|139.6364|59|166-####,167-####,168-####|03
品川区:Shinagawa|13|35.6092|139.7302|42|140-####,141-####,142-####|03
横浜市:Yokohama|14|35.4437|139.6380|375|220-####,221-####,230-####,240-####,245-####|045
大阪市:Osaka|27|34.6937|135.5023|275|530-####,540-####,550-####,556-####|06
名古屋市:Nagoya|23|35.1815|136.9066|232|450-####,460-####,464-####,466-####|052
札幌市:Sapporo|01|43.0618|141.3545|197|060-####,062-####,064-####,065-####|011
福岡市:Fukuoka|40|33.5904|130.4017|161|810-####,812-####,814-####|092
神戸市:Kobe|28|34.6901|135.1955|152|650-####,651-####,655-####|078
川崎市:Kawasaki|14|35.5308|139.7029|154|210-####,211-####,213-####,214-####|044
京都市:Kyoto|26|35.0116|135.7681|146|600-####,602-####,604-####,606-####|075
さいたま市:Saitama|11|35.8617|139.6455|132|330-####,336-####,337-####|048
広島市:Hiroshima|34|34.3853|132.4553|120|730-####,731-####,732-####|082
仙台市:Sendai|04|38.2682|140.8694|109|980-####,981-####,982-####|022
千葉市:Chiba|12|35.6073|140.1063|98|260-####,261-####,262-####|043
北九州市:Kitakyushu|40|33.8834|130.8752|94|800-####,802-####,803-####|093
堺市:Sakai|27|34.5733|135.4830|83|590-####,591-####,599-####|072
新潟市:Niigata|15|37.9162|139.0364|78|950-####,951-####|025
浜松市:Hamamatsu|22|34.7108|137.7261|79|430-####,432-####,433-####|053
熊本市:Kumamoto|43|32.8031|130.7079|74|860-####,861-####,862-####|096
相模原市:Sagamihara|14|35.5714|139.3733|72|252-####|042
岡山市:Okayama|33|34.6551|133.9195|72|700-####,701-####,703-####|086
静岡市:Shizuoka|22|34.9756|138.3828|69|420-####,422-####,424-####|054
鹿児島市:Kagoshima|46|31.5966|130.5571|59|890-####,891-####,892-####|099
那覇市:Naha|47|26.2124|127.6809|32|900-####,901-####,902-####|098
金沢市:Kanazawa|17|36.5613|136.6562|46|920-####,921-####|076`,
  },
];

export const streets = {
  US: {
    names:
      'Main;Oak;Pine;Maple;Cedar;Elm;Washington;Lake;Hill;Park;Walnut;Spring;North;Ridge;Church;Willow;Mill;Sunset;Railroad;Jackson;Cherry;Highland;Lincoln;Madison;Franklin;Jefferson;Meadow;Forest;River;Chestnut;Center;Adams;Lakeview;Hickory;Dogwood;Magnolia;Birch;Poplar;Sycamore;1st;2nd;3rd;4th;5th;6th;7th;8th;9th;10th;Broadway;Market;Union;Prospect;Grove;Woodland;Valley;Johnson;Wilson;Smith;Hillcrest;Country Club;Evergreen',
    suffixes: 'Street;Avenue;Road;Drive;Lane;Boulevard;Way;Court;Place;Terrace',
  },
  GB: {
    names:
      'High;Station;Church;Victoria;Green;Manor;Park;London;Mill;Kings;Queens;School;Grange;New;Albert;York;George;North;South;West;Windsor;Richmond;Chester;Springfield;Highfield;Orchard;Elm;Oak;Alexandra;Nelson;Mill Lane;Brook;Meadow;Castle;Market',
    suffixes: 'Street;Road;Lane;Avenue;Close;Drive;Way;Gardens;Crescent;Grove;Place;Terrace;Hill',
  },
  ES: {
    prefixes: 'Calle;Calle;Calle;Calle;Avenida;Avenida;Plaza;Paseo;Camino;Ronda;Travesía',
    names:
      'Mayor;Real;de la Constitución;de Alcalá;Gran Vía;del Sol;de la Paz;San Juan;Santa María;de Goya;de Serrano;del Carmen;de Cervantes;Nueva;de la Iglesia;de Andalucía;de España;de la Libertad;del Mar;de los Reyes Católicos;de Colón;San Francisco;de la Estación;del Pilar;de Valencia;de Toledo;de Sevilla;de la Castellana;de Velázquez;de Miguel de Unamuno;de Federico García Lorca;de Antonio Machado;de Juan Carlos I;de Pablo Picasso;de Blas de Otero;del Doctor Fleming;de Ramón y Cajal;de la Rosa;del Olivo;de las Flores',
  },
  JP: {
    towns:
      '本町:Honcho;中央:Chuo;栄町:Sakaemachi;緑町:Midoricho;東町:Higashimachi;西町:Nishimachi;南町:Minamimachi;北町:Kitamachi;旭町:Asahimachi;幸町:Saiwaicho;錦町:Nishikicho;末広町:Suehirocho;桜木町:Sakuragicho;若葉:Wakaba;春日:Kasuga;大手町:Otemachi;元町:Motomachi;新町:Shinmachi;昭和町:Showacho;平和町:Heiwacho',
  },
};
