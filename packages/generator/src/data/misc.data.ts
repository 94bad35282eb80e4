// Small reference lists: web, finance, commerce and vocabulary that faker does not localise.

export const userAgents: Array<[string, number]> = [
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36', 30],
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 18],
  ['Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36', 14],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36', 9],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 7],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0', 8],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0', 5],
  ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36', 2],
  ['Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 3],
  ['Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36', 3],
  ['Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0', 1],
];

export const httpMethods: Array<[string, number]> = [
  ['GET', 70],
  ['POST', 18],
  ['PUT', 4],
  ['PATCH', 3],
  ['DELETE', 3],
  ['HEAD', 1],
  ['OPTIONS', 1],
];

export const httpStatuses: Array<[number, number]> = [
  [200, 80],
  [201, 3],
  [204, 2],
  [301, 2],
  [302, 3],
  [304, 4],
  [400, 1.5],
  [401, 1],
  [403, 0.8],
  [404, 2],
  [409, 0.2],
  [422, 0.3],
  [429, 0.3],
  [500, 0.5],
  [502, 0.2],
  [503, 0.3],
];

export const mimeTypes: Array<[string, string, number]> = [
  ['image/jpeg', 'jpg', 20],
  ['image/png', 'png', 14],
  ['application/pdf', 'pdf', 14],
  ['text/plain', 'txt', 6],
  ['text/csv', 'csv', 5],
  ['application/json', 'json', 6],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx', 8],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx', 7],
  ['application/zip', 'zip', 4],
  ['video/mp4', 'mp4', 5],
  ['audio/mpeg', 'mp3', 3],
  ['image/gif', 'gif', 2],
  ['image/webp', 'webp', 3],
  ['text/html', 'html', 2],
  ['application/xml', 'xml', 1],
];

export const fileStems =
  'report;invoice;photo;scan;notes;budget;presentation;contract;summary;backup;export;draft;agenda;minutes;receipt;statement;resume;proposal;schedule;data';

export const tlds: Record<string, Array<[string, number]>> = {
  US: [
    ['com', 70],
    ['net', 8],
    ['org', 8],
    ['io', 6],
    ['co', 4],
    ['us', 4],
  ],
  GB: [
    ['co.uk', 60],
    ['com', 25],
    ['uk', 8],
    ['org.uk', 7],
  ],
  DE: [
    ['de', 75],
    ['com', 15],
    ['net', 5],
    ['eu', 5],
  ],
  FR: [
    ['fr', 70],
    ['com', 20],
    ['eu', 5],
    ['net', 5],
  ],
  ES: [
    ['es', 65],
    ['com', 25],
    ['eu', 5],
    ['net', 5],
  ],
  JP: [
    ['co.jp', 55],
    ['jp', 20],
    ['com', 20],
    ['ne.jp', 5],
  ],
};

export const freeMail: Record<string, Array<[string, number]>> = {
  en: [
    ['gmail.com', 45],
    ['yahoo.com', 15],
    ['outlook.com', 12],
    ['hotmail.com', 10],
    ['icloud.com', 10],
    ['aol.com', 3],
    ['protonmail.com', 2],
  ],
  de: [
    ['gmail.com', 30],
    ['web.de', 20],
    ['gmx.de', 18],
    ['t-online.de', 10],
    ['outlook.de', 6],
    ['yahoo.de', 5],
    ['freenet.de', 3],
    ['posteo.de', 2],
  ],
  fr: [
    ['gmail.com', 40],
    ['orange.fr', 15],
    ['hotmail.fr', 12],
    ['free.fr', 10],
    ['yahoo.fr', 8],
    ['laposte.net', 6],
    ['sfr.fr', 5],
    ['outlook.fr', 4],
  ],
  es: [
    ['gmail.com', 50],
    ['hotmail.com', 18],
    ['yahoo.es', 10],
    ['outlook.es', 10],
    ['telefonica.net', 4],
    ['icloud.com', 5],
  ],
  ja: [
    ['gmail.com', 35],
    ['yahoo.co.jp', 25],
    ['docomo.ne.jp', 10],
    ['icloud.com', 10],
    ['ezweb.ne.jp', 6],
    ['softbank.ne.jp', 5],
    ['outlook.jp', 5],
  ],
};

export const legalForms: Record<string, Array<[string, number]>> = {
  US: [
    ['Inc.', 40],
    ['LLC', 40],
    ['Corp.', 10],
    ['Group', 10],
  ],
  GB: [
    ['Ltd', 70],
    ['PLC', 10],
    ['LLP', 10],
    ['Group', 10],
  ],
  DE: [
    ['GmbH', 60],
    ['AG', 10],
    ['GmbH & Co. KG', 15],
    ['KG', 5],
    ['UG (haftungsbeschränkt)', 5],
    ['e.K.', 5],
  ],
  FR: [
    ['SAS', 40],
    ['SARL', 35],
    ['SA', 15],
    ['EURL', 5],
    ['SNC', 5],
  ],
  ES: [
    ['S.L.', 60],
    ['S.A.', 25],
    ['S.L.U.', 10],
    ['S.Coop.', 5],
  ],
  JP: [
    ['株式会社', 85],
    ['合同会社', 10],
    ['有限会社', 5],
  ],
};

export const companyWords: Record<string, string> = {
  en: 'Solutions;Systems;Logistics;Partners;Technologies;Holdings;Industries;Consulting;Services;Labs;Media;Foods;Health;Energy;Capital;Analytics;Networks;Designs;Motors;Supply',
  de: 'Logistik;Systeme;Technik;Bau;Handel;Beratung;Immobilien;Medien;Elektro;Maschinenbau;Software;Transporte;Versicherungen;Holzbau;Automobile;Gastronomie;Energie;Druck;Reisen;Pflege',
  fr: 'Conseil;Logistique;Bâtiment;Distribution;Technologies;Services;Immobilier;Transports;Industrie;Médias;Énergie;Informatique;Assurances;Voyages;Santé;Alimentation;Ingénierie;Communication;Finance;Création',
  es: 'Logística;Construcciones;Distribuciones;Tecnologías;Servicios;Inmobiliaria;Transportes;Consultores;Industrias;Comunicación;Energía;Informática;Seguros;Viajes;Salud;Alimentación;Ingeniería;Asesores;Finanzas;Diseño',
  ja: '商事;工業;建設;電機;物産;製作所;運輸;不動産;システム;技研;食品;化学;産業;通信;開発;興産;精機;薬品;企画;サービス',
};

export const colors: Record<string, string> = {
  en: 'black;white;gray;navy;blue;red;green;beige;brown;pink;purple;orange;yellow;teal;olive;maroon;silver;gold;turquoise;ivory',
  de: 'Schwarz;Weiß;Grau;Marineblau;Blau;Rot;Grün;Beige;Braun;Rosa;Lila;Orange;Gelb;Petrol;Oliv;Bordeaux;Silber;Gold;Türkis;Elfenbein',
  fr: 'noir;blanc;gris;bleu marine;bleu;rouge;vert;beige;marron;rose;violet;orange;jaune;bleu canard;olive;bordeaux;argent;or;turquoise;ivoire',
  es: 'negro;blanco;gris;azul marino;azul;rojo;verde;beige;marrón;rosa;morado;naranja;amarillo;verde azulado;oliva;granate;plata;oro;turquesa;marfil',
  ja: '黒;白;グレー;紺;青;赤;緑;ベージュ;茶色;ピンク;紫;オレンジ;黄色;ティール;オリーブ;えんじ;シルバー;ゴールド;ターコイズ;アイボリー',
};

export const spanishWords =
  'casa;tiempo;vida;día;mundo;hombre;mujer;año;parte;niño;ciudad;trabajo;agua;luz;noche;mano;camino;historia;país;familia;amigo;palabra;tierra;libro;puerta;mesa;calle;cielo;mar;sol;ventana;fuego;árbol;río;montaña;escuela;ciencia;música;cuerpo;corazón;idea;nuevo;grande;pequeño;bueno;claro;largo;alto;viejo;joven;rápido;lento;fuerte;suave;rojo;verde;azul;blanco;negro;feliz;tranquilo;antiguo;moderno;abierto;cerrado;hablar;caminar;mirar;escribir;leer;vivir;correr;pensar;crear;abrir;cerrar;llegar;salir;entrar;buscar;encontrar;sentir;jugar;comer;beber;dormir;cantar;bailar;trabajar;viajar;siempre;nunca;hoy;mañana;ahora;pronto;lejos;cerca;aquí;allí;entre;sobre;bajo;hacia;desde;durante;según;sin;con;para';

export const cardBrands: Record<string, Array<[string, number]>> = {
  US: [
    ['visa', 52],
    ['mastercard', 27],
    ['amex', 14],
    ['discover', 7],
  ],
  JP: [
    ['visa', 40],
    ['jcb', 35],
    ['mastercard', 20],
    ['amex', 5],
  ],
  default: [
    ['visa', 55],
    ['mastercard', 40],
    ['amex', 5],
  ],
};

/** Basic Bank Account Number templates (# digit, @ letter) per IBAN country. */
export const ibanFormats: Record<string, string> = {
  DE: '##################',
  FR: '#######################',
  ES: '####################',
  GB: '@@@@##############',
  NL: '@@@@##########',
  IT: '@######################',
};

export const transactionTypes: Array<[string, number]> = [
  ['payment', 50],
  ['transfer', 20],
  ['withdrawal', 15],
  ['deposit', 12],
  ['refund', 3],
];
