console.log("projector: coming with the read models");
